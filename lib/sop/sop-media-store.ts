import { TenantMediaStore } from '../media/tenant-media-store';

/**
 * SOP contents' images (jpg/png ≤ 2 MB) and videos (mp4 ≤ 10 MB) (R-8.1-10, I-113), bucket `sopMedia`, named
 * in a content by fileId; the admin's preview and the member's H5 待办 load them from
 * `/api/public/sop-media/<tenant>/<fileId>`.
 */
export const sopMedia = new TenantMediaStore('sopMedia', 'sop-media');

import { TenantMediaStore } from '../media/tenant-media-store';

/**
 * Images of 欢迎语 (R-2.3, I-35: uploaded inline, jpg/png ≤ 2 MB), bucket `welcomeImages`. WeCom fetches them
 * by URL (send_welcome_msg's `pic_url`), served at `/api/public/welcome-images/<tenant>/<fileId>`.
 */
export const welcomeImages = new TenantMediaStore('welcomeImages', 'welcome-images');

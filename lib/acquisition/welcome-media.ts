import type { WeComCredentials } from '../wecom/client';
import type { MediaApi } from '../wecom/media-api';
import type { StoredWelcome, WelcomeMedia } from './welcome-content';
import { welcomeImages } from './welcome-image-store';

/**
 * How a welcome's images reach WeCom: images by URL (pic_url, served publicly by us), a mini-program's cover
 * uploaded as temporary media first (pic_media_id has no URL form). A cover that is gone is an error, not a
 * welcome sent without its mini-program.
 */
export async function welcomeMediaFor(
  welcome: StoredWelcome,
  deps: { tenantId: string; publicUrl: string; media: MediaApi; credentials: WeComCredentials },
): Promise<WelcomeMedia> {
  const mediaIds = new Map<string, string>();
  if (welcome.attachment?.kind === 'miniprogram') {
    const fileId = welcome.attachment.coverFileId;
    const cover = await welcomeImages.read(deps.tenantId, fileId);
    if (!cover) throw new Error(`welcome cover ${fileId} is missing`);
    mediaIds.set(fileId, await deps.media.uploadImage(deps.credentials, cover));
  }
  return {
    imageUrl: (fileId) => welcomeImages.url(deps.publicUrl, deps.tenantId, fileId),
    mediaId: (fileId) => mediaIds.get(fileId) ?? '',
  };
}

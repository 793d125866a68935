import type { Request } from 'express';
import {
  WELCOME_IMAGE_MAX_BYTES,
  WELCOME_IMAGE_TYPES,
} from '../../../lib/contracts/welcome-messages.contract';
import { welcomeImages } from '../../../lib/acquisition/welcome-image-store';
import type { StoredMedia } from '../../../lib/media/tenant-media-store';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { receiveSingleFile } from '../../http/single-file-upload';

/** The manual's hint for its image uploads (R-2.1.2-02), the rule of I-35. */
export const IMAGE_RULE = '只能上传jpg/png格式图片，且不超过2M';

/** One image (multipart field `file`, jpg/png ≤ 2 MB) streamed into GridFS. */
function receiveWelcomeImage(req: Request, tenantId: string): Promise<StoredMedia> {
  return receiveSingleFile(req, {
    maxBytes: WELCOME_IMAGE_MAX_BYTES,
    noFile: { status: 400, code: 'NO_IMAGE', message: '请选择要上传的图片' },
    tooLarge: { status: 413, code: 'IMAGE_TOO_LARGE', message: IMAGE_RULE },
    types: {
      accepted: WELCOME_IMAGE_TYPES,
      refusal: { status: 400, code: 'IMAGE_TYPE', message: IMAGE_RULE },
    },
    store: (stream, info, truncated) =>
      welcomeImages.store(
        stream,
        { tenantId, name: info.filename || '图片', contentType: info.mimeType },
        truncated,
      ),
  });
}

/** 上传图片 for a welcome: stored under the caller's tenant, with the public URL WeCom downloads it from. */
export async function uploadWelcomeImage(
  caller: Caller,
  req: Request,
  { config }: Pick<AppContext, 'config'>,
): Promise<StoredMedia & { url: string }> {
  const image = await receiveWelcomeImage(req, caller.tenantId);
  return { ...image, url: welcomeImages.url(config.publicUrl, caller.tenantId, image.fileId) };
}

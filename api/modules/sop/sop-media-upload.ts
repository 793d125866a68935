import type { Request } from 'express';
import {
  SOP_IMAGE_MAX_BYTES,
  SOP_IMAGE_TYPES,
  SOP_VIDEO_MAX_BYTES,
  SOP_VIDEO_TYPES,
  type SopMedia,
} from '../../../lib/contracts/sop.contract';
import { sopMedia } from '../../../lib/sop/sop-media-store';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { receiveSingleFile, type UploadRefusal } from '../../http/single-file-upload';

/** The manual's rules for SOP contents' files (R-8.1-10, I-113). */
export const SOP_IMAGE_RULE = '只能上传jpg/png格式图片，且不超过2M';
export const SOP_VIDEO_RULE = '只能上传mp4格式视频，且不超过10M';

const imageRefusal: UploadRefusal = { status: 400, code: 'SOP_IMAGE_TYPE', message: SOP_IMAGE_RULE };
const videoRefusal: UploadRefusal = { status: 400, code: 'SOP_VIDEO_TYPE', message: SOP_VIDEO_RULE };

/**
 * 上传 an image or a video for a content (multipart field `file`): the declared type says which it is, so that a
 * refused file gets the rule of what was meant (a .gif the image rule, a .mov the video rule).
 */
export async function uploadSopMedia(
  caller: Caller,
  req: Request,
  { config }: Pick<AppContext, 'config'>,
): Promise<SopMedia> {
  const file = await receiveSingleFile(req, {
    maxBytes: SOP_VIDEO_MAX_BYTES,
    noFile: { status: 400, code: 'NO_FILE', message: '请选择要上传的图片或视频' },
    tooLarge: { status: 413, code: 'SOP_IMAGE_TOO_LARGE', message: SOP_IMAGE_RULE },
    types: { accepted: SOP_IMAGE_TYPES, refusal: imageRefusal },
    byType: (mimeType) =>
      mimeType.startsWith('video/')
        ? {
            maxBytes: SOP_VIDEO_MAX_BYTES,
            tooLarge: { status: 413, code: 'SOP_VIDEO_TOO_LARGE', message: SOP_VIDEO_RULE },
            types: { accepted: SOP_VIDEO_TYPES, refusal: videoRefusal },
          }
        : { maxBytes: SOP_IMAGE_MAX_BYTES },
    store: (stream, info, truncated) =>
      sopMedia.store(
        stream,
        {
          tenantId: caller.tenantId,
          name: info.filename || (info.mimeType.startsWith('video/') ? '视频' : '图片'),
          contentType: info.mimeType,
        },
        truncated,
      ),
  });
  return { ...file, url: sopMedia.url(config.publicUrl, caller.tenantId, file.fileId) };
}

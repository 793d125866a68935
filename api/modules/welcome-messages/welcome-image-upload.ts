import type { Request } from 'express';
import busboy from 'busboy';
import {
  WELCOME_IMAGE_MAX_BYTES,
  WELCOME_IMAGE_TYPES,
} from '../../../lib/contracts/welcome-messages.contract';
import { storeWelcomeImage, type StoredWelcomeImage } from '../../../lib/acquisition/welcome-image-store';
import { AppError, badRequest } from '../../http/app-error';

const NO_FILE = '请选择要上传的图片';
/** The manual's hint for its image uploads (R-2.1.2-02), the rule of I-35. */
export const IMAGE_RULE = '只能上传jpg/png格式图片，且不超过2M';

/** One image (multipart field `file`, jpg/png ≤ 2 MB) streamed into GridFS. */
export function receiveWelcomeImage(req: Request, tenantId: string): Promise<StoredWelcomeImage> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 5, fileSize: WELCOME_IMAGE_MAX_BYTES + 1 },
      });
    } catch {
      reject(badRequest(NO_FILE, 'NO_IMAGE'));
      return;
    }
    let stored: Promise<StoredWelcomeImage | undefined> | undefined;
    let refused = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored || refused) {
        stream.resume();
        return;
      }
      if (!WELCOME_IMAGE_TYPES.includes(info.mimeType)) {
        refused = true;
        stream.resume();
        return;
      }
      stored = storeWelcomeImage(
        stream,
        { tenantId, name: info.filename || '图片', contentType: info.mimeType },
        () => stream.truncated === true,
      );
    });
    parser.on('error', () => reject(badRequest(NO_FILE, 'NO_IMAGE')));
    parser.on('close', () => {
      if (refused) return reject(badRequest(IMAGE_RULE, 'IMAGE_TYPE'));
      if (!stored) return reject(badRequest(NO_FILE, 'NO_IMAGE'));
      stored.then((file) => {
        if (!file) reject(new AppError(413, 'IMAGE_TOO_LARGE', IMAGE_RULE));
        else resolve(file);
      }, reject);
    });
    req.pipe(parser);
  });
}

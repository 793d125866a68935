import type { Request } from 'express';
import busboy from 'busboy';
import { CONTACT_RECORD_ATTACHMENT_MAX_BYTES } from '../../../lib/contracts/contact-record.contract';
import { storeAttachment, type StoredFile } from '../../../lib/contact-records/attachment-store';
import { AppError, badRequest } from '../../http/app-error';

const NO_FILE = '请选择要上传的附件';
export const ATTACHMENT_TOO_LARGE = '单个附件不能超过20M';

/**
 * One attachment from a multipart/form-data request (field `file`, any type, R-3.1.3-03), streamed into
 * GridFS as it arrives: the api never holds the whole file. Over 20 MB the parser stops counting, the
 * partial file is removed and the answer is 413.
 */
export function receiveAttachment(
  req: Request,
  owner: { tenantId: string; staffId: string },
): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy marks a file truncated on reaching the limit, so one byte more lets exactly 20 MB through.
        limits: { files: 1, fields: 10, fileSize: CONTACT_RECORD_ATTACHMENT_MAX_BYTES + 1 },
      });
    } catch {
      reject(badRequest(NO_FILE, 'NO_ATTACHMENT'));
      return;
    }
    let stored: Promise<StoredFile | undefined> | undefined;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        stream.resume();
        return;
      }
      stored = storeAttachment(
        stream,
        {
          name: info.filename || '附件',
          contentType: info.mimeType || 'application/octet-stream',
          metadata: { tenantId: owner.tenantId, uploadedBy: owner.staffId },
        },
        () => stream.truncated === true,
      );
    });
    parser.on('error', () => reject(badRequest(NO_FILE, 'NO_ATTACHMENT')));
    parser.on('close', () => {
      if (!stored) return reject(badRequest(NO_FILE, 'NO_ATTACHMENT'));
      stored.then((file) => {
        if (!file) reject(new AppError(413, 'ATTACHMENT_TOO_LARGE', ATTACHMENT_TOO_LARGE));
        else resolve(file);
      }, reject);
    });
    req.pipe(parser);
  });
}

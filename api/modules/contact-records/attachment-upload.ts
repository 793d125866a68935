import type { Request } from 'express';
import { CONTACT_RECORD_ATTACHMENT_MAX_BYTES } from '../../../lib/contracts/contact-record.contract';
import { storeAttachment, type StoredFile } from '../../../lib/contact-records/attachment-store';
import { receiveSingleFile } from '../../http/single-file-upload';

export const ATTACHMENT_TOO_LARGE = '单个附件不能超过20M';

/**
 * One attachment (field `file`, any type, R-3.1.3-03), streamed into GridFS as it arrives. Over 20 MB the
 * partial file is removed and the answer is 413.
 */
export function receiveAttachment(
  req: Request,
  owner: { tenantId: string; staffId: string },
): Promise<StoredFile> {
  return receiveSingleFile(req, {
    maxBytes: CONTACT_RECORD_ATTACHMENT_MAX_BYTES,
    noFile: { status: 400, code: 'NO_ATTACHMENT', message: '请选择要上传的附件' },
    tooLarge: { status: 413, code: 'ATTACHMENT_TOO_LARGE', message: ATTACHMENT_TOO_LARGE },
    store: (stream, info, truncated) =>
      storeAttachment(
        stream,
        {
          name: info.filename || '附件',
          contentType: info.mimeType || 'application/octet-stream',
          metadata: { tenantId: owner.tenantId, uploadedBy: owner.staffId },
        },
        truncated,
      ),
  });
}

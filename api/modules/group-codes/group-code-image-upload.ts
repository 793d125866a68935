import type { Request } from 'express';
import busboy from 'busboy';
import {
  GROUP_CODE_IMAGE_HINT,
  GROUP_CODE_IMAGE_MAX_BYTES,
} from '../../../lib/contracts/group-code.contract';
import { sniffImageType, storeImage } from '../../../lib/group-codes/group-code-images';
import { badRequest } from '../../http/app-error';

/**
 * One image from a multipart/form-data request (field `file`): jpg or png by its own bytes, at most 2 MB
 * (R-2.1.2-02, R-2.1.3-01). At most 2 MB is held in memory, then it goes to GridFS.
 */
export function receiveGroupCodeImage(
  req: Request,
  owner: { tenantId: string; staffId: string },
): Promise<{ fileId: string; contentType: string; size: number }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 5, fileSize: GROUP_CODE_IMAGE_MAX_BYTES + 1 },
      });
    } catch {
      reject(badRequest('请选择要上传的图片', 'NO_IMAGE'));
      return;
    }
    let received: Promise<Buffer | undefined> | undefined;
    parser.on('file', (field, stream) => {
      if (field !== 'file' || received) {
        stream.resume();
        return;
      }
      received = new Promise((done, fail) => {
        const parts: Buffer[] = [];
        stream.on('data', (part: Buffer) => parts.push(part));
        stream.on('error', fail);
        stream.on('end', () => done(stream.truncated ? undefined : Buffer.concat(parts)));
      });
    });
    parser.on('error', () => reject(badRequest('请选择要上传的图片', 'NO_IMAGE')));
    parser.on('close', () => {
      if (!received) return reject(badRequest('请选择要上传的图片', 'NO_IMAGE'));
      received
        .then(async (bytes) => {
          const type = bytes ? sniffImageType(bytes) : undefined;
          if (!bytes || !type) throw badRequest(GROUP_CODE_IMAGE_HINT, 'INVALID_IMAGE');
          const fileId = await storeImage(owner.tenantId, owner.staffId, bytes, type);
          resolve({ fileId, contentType: type, size: bytes.length });
        })
        .catch(reject);
    });
    req.pipe(parser);
  });
}

import type { Readable } from 'node:stream';
import type { Request } from 'express';
import {
  GROUP_CODE_IMAGE_HINT,
  GROUP_CODE_IMAGE_MAX_BYTES,
} from '../../../lib/contracts/group-code.contract';
import { openImage, storeImage } from '../../../lib/group-codes/group-code-images';
import { sniffContentType } from '../../../lib/media/sniff-content-type';
import type { Caller } from '../../auth/caller';
import { badRequest, notFound } from '../../http/app-error';
import { receiveSingleFile } from '../../http/single-file-upload';

const INVALID_IMAGE = { status: 400, code: 'INVALID_IMAGE', message: GROUP_CODE_IMAGE_HINT };

/**
 * One image (field `file`): jpg or png by its own bytes, whatever the part declares, at most 2 MB
 * (R-2.1.2-02, R-2.1.3-01). Held in memory (2 MB at most) to read its type, then stored in GridFS.
 */
export function receiveGroupCodeImage(
  owner: Caller,
  req: Request,
): Promise<{ fileId: string; contentType: string; size: number }> {
  return receiveSingleFile(req, {
    maxBytes: GROUP_CODE_IMAGE_MAX_BYTES,
    noFile: { status: 400, code: 'NO_IMAGE', message: '请选择要上传的图片' },
    tooLarge: INVALID_IMAGE,
    store: async (stream, _info, truncated) => {
      const bytes = await readAll(stream);
      if (truncated()) return undefined;
      const type = sniffContentType(bytes);
      if (type !== 'image/png' && type !== 'image/jpeg')
        throw badRequest(GROUP_CODE_IMAGE_HINT, 'INVALID_IMAGE');
      const fileId = await storeImage(owner.tenantId, owner.staffId, bytes, type);
      return { fileId, contentType: type, size: bytes.length };
    },
  });
}

/** An uploaded image of the caller's tenant, for the admin's previews. */
export async function openGroupCodeImage(caller: Caller, { fileId }: { fileId: string }) {
  const opened = await openImage(caller.tenantId, fileId);
  if (!opened) throw notFound('图片不存在', 'IMAGE_NOT_FOUND');
  return opened;
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

import type { Readable } from 'node:stream';
import mongoose from 'mongoose';

/**
 * Images of 群活码 (活码图片 icons and uploaded 实际群码 QR images) in GridFS, bucket `groupCodeImages`, so no
 * code or group document carries image bytes (the same way as contact-record attachments). Every file carries
 * its tenant in `metadata`, and every read filters on it.
 */
const BUCKET = 'groupCodeImages';

export type ImageType = 'image/png' | 'image/jpeg';

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('group-code-images: the database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET });
}

const filesCollection = () => mongoose.connection.collection(`${BUCKET}.files`);

/** The type by the file's own first bytes, not by its name or the browser's claim: only PNG and JPEG pass. */
export function sniffImageType(bytes: Buffer): ImageType | undefined {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export async function storeImage(
  tenantId: string,
  uploadedBy: string,
  bytes: Buffer,
  contentType: ImageType,
): Promise<string> {
  const upload = bucket().openUploadStream('group-code-image', {
    metadata: { tenantId, uploadedBy, contentType },
  });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(bytes);
  });
  return String(upload.id);
}

/** The ids among `fileIds` that this tenant holds. */
export async function existingImages(tenantId: string, fileIds: string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const rows = await filesCollection()
    .find(
      { _id: { $in: fileIds.map((id) => new mongoose.Types.ObjectId(id)) }, 'metadata.tenantId': tenantId },
      { projection: { _id: 1 } },
    )
    .toArray();
  return new Set(rows.map((row) => String(row._id)));
}

export async function openImage(
  tenantId: string,
  fileId: string,
): Promise<{ contentType: string; size: number; stream: Readable } | undefined> {
  const row = await filesCollection().findOne({
    _id: new mongoose.Types.ObjectId(fileId),
    'metadata.tenantId': tenantId,
  });
  if (!row) return undefined;
  return {
    contentType: (row.metadata?.contentType as string) ?? 'application/octet-stream',
    size: row.length as number,
    stream: bucket().openDownloadStream(row._id as mongoose.Types.ObjectId),
  };
}

export async function readImage(tenantId: string, fileId: string): Promise<Buffer | undefined> {
  const opened = await openImage(tenantId, fileId);
  if (!opened) return undefined;
  const parts: Buffer[] = [];
  for await (const part of opened.stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Removes images no longer used (a deleted code's icon and groups, a replaced QR image). */
export async function deleteImages(tenantId: string, fileIds: string[]): Promise<void> {
  for (const fileId of await existingImages(tenantId, fileIds)) {
    await bucket().delete(new mongoose.Types.ObjectId(fileId));
  }
}

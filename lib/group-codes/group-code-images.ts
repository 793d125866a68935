import type { Readable } from 'node:stream';
import { GridFsStore, readAll } from '../db/gridfs-store';

/**
 * Images of 群活码 (活码图片 icons and uploaded 实际群码 QR images) in GridFS, bucket `groupCodeImages`, so no
 * code or group document carries image bytes (the same way as contact-record attachments). Every file carries
 * its tenant in `metadata`, and every read filters on it.
 */
const store = new GridFsStore('groupCodeImages');

export type ImageType = 'image/png' | 'image/jpeg';

export async function storeImage(
  tenantId: string,
  uploadedBy: string,
  bytes: Buffer,
  contentType: ImageType,
): Promise<string> {
  const stored = await store.upload(bytes, 'group-code-image', { tenantId, uploadedBy, contentType });
  return String(stored!.id);
}

/** The ids among `fileIds` that this tenant holds. */
export async function existingImages(tenantId: string, fileIds: string[]): Promise<Set<string>> {
  return new Set((await store.findOwned(tenantId, fileIds)).map((row) => String(row._id)));
}

export async function openImage(
  tenantId: string,
  fileId: string,
): Promise<{ contentType: string; size: number; stream: Readable } | undefined> {
  const [row] = await store.findOwned(tenantId, [fileId]);
  if (!row) return undefined;
  return {
    contentType: (row.metadata?.contentType as string | undefined) ?? 'application/octet-stream',
    size: row.length,
    stream: store.openDownload(row._id),
  };
}

export async function readImage(tenantId: string, fileId: string): Promise<Buffer | undefined> {
  const opened = await openImage(tenantId, fileId);
  return opened && readAll(opened.stream);
}

/** Removes images no longer used (a deleted code's icon and groups, a replaced QR image). */
export async function deleteImages(tenantId: string, fileIds: string[]): Promise<void> {
  await store.removeOwned(tenantId, fileIds);
}

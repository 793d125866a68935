import type { Readable } from 'node:stream';
import mongoose from 'mongoose';
import { GridFsStore, type GridFsFileRow } from '../db/gridfs-store';

/**
 * Attachment bytes of 联系记录 in GridFS (bucket `contactRecordFiles`), so no record document ever carries file
 * content and a 20 MB file streams in and out without being held in memory. Every file carries its tenant and
 * uploader in `metadata`, and every read filters on the tenant.
 */
const store = new GridFsStore('contactRecordFiles');

export interface StoredFileMeta {
  tenantId: string;
  /** The staff member (_id) who uploaded it: only they can attach it to a record. */
  uploadedBy: string;
  /** Set when a record takes the file; an unattached file belongs to nobody's timeline yet. */
  recordId?: string;
}

export interface StoredFile {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
  metadata: StoredFileMeta;
}

const fileOf = (row: GridFsFileRow): StoredFile => ({
  fileId: String(row._id),
  name: row.filename,
  size: row.length,
  contentType: (row.metadata?.contentType as string | undefined) ?? 'application/octet-stream',
  metadata: row.metadata as unknown as StoredFileMeta,
});

/**
 * Streams `content` into GridFS. `tooLarge()` is asked after the stream ends (the parser truncates at the
 * limit): a truncated upload is removed again and answered as undefined.
 */
export async function storeAttachment(
  content: Readable,
  file: { name: string; contentType: string; metadata: StoredFileMeta },
  tooLarge: () => boolean,
): Promise<StoredFile | undefined> {
  const stored = await store.upload(
    content,
    file.name,
    { ...file.metadata, contentType: file.contentType },
    tooLarge,
  );
  return (
    stored && {
      fileId: String(stored.id),
      name: file.name,
      size: stored.length,
      contentType: file.contentType,
      metadata: file.metadata,
    }
  );
}

/** Files of this tenant by id, as stored (the caller checks uploader and attachment). */
export async function findAttachments(tenantId: string, fileIds: string[]): Promise<StoredFile[]> {
  return (await store.findOwned(tenantId, fileIds)).map(fileOf);
}

/** Hands the files to a record, only while no record has them (a file cannot sit in two timelines). */
export async function claimAttachments(tenantId: string, fileIds: string[], recordId: string): Promise<void> {
  await store.files().updateMany(
    {
      _id: { $in: fileIds.map((id) => new mongoose.Types.ObjectId(id)) },
      'metadata.tenantId': tenantId,
      'metadata.recordId': { $exists: false },
    },
    { $set: { 'metadata.recordId': recordId } },
  );
}

/** The file's bytes as a stream, or undefined when this tenant's record does not hold it. */
export async function openAttachment(
  tenantId: string,
  recordId: string,
  fileId: string,
): Promise<{ file: StoredFile; stream: Readable } | undefined> {
  const [row] = await store.findOwned(tenantId, [fileId]);
  if (!row || row.metadata?.recordId !== recordId) return undefined;
  return { file: fileOf(row), stream: store.openDownload(row._id) };
}

/** Removes the files' bytes (a deleted record's attachments). */
export async function deleteAttachments(tenantId: string, fileIds: string[]): Promise<void> {
  await store.removeOwned(tenantId, fileIds);
}

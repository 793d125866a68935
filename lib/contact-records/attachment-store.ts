import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';

/**
 * Attachment bytes of 联系记录 in GridFS (bucket `contactRecordFiles`: 255 KB chunks in their own
 * collection), so no record document ever carries file content and a 20 MB file streams in and out
 * without being held in memory. FerretDB v1 stores the chunks as ordinary documents with binary data and
 * serves GridFS's queries (files by _id, chunks by files_id sorted by n); production's MongoDB does the same.
 * Every file carries its tenant and uploader in `metadata`, and every read filters on the tenant.
 */
const BUCKET = 'contactRecordFiles';

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

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('attachment-store: the database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET });
}

const filesCollection = () => mongoose.connection.collection(`${BUCKET}.files`);

/**
 * Streams `content` into GridFS. `tooLarge()` is asked after the stream ends (the parser truncates at the
 * limit): a truncated upload is removed again and answered as undefined.
 */
export async function storeAttachment(
  content: Readable,
  file: { name: string; contentType: string; metadata: StoredFileMeta },
  tooLarge: () => boolean,
): Promise<StoredFile | undefined> {
  const upload = bucket().openUploadStream(file.name, {
    metadata: { ...file.metadata, contentType: file.contentType },
  });
  await pipeline(content, upload);
  if (tooLarge()) {
    await bucket().delete(upload.id);
    return undefined;
  }
  return {
    fileId: String(upload.id),
    name: file.name,
    size: upload.length,
    contentType: file.contentType,
    metadata: file.metadata,
  };
}

/** Files of this tenant by id, as stored (the caller checks uploader and attachment). */
export async function findAttachments(tenantId: string, fileIds: string[]): Promise<StoredFile[]> {
  const ids = fileIds.map((id) => new mongoose.Types.ObjectId(id));
  const rows = await filesCollection()
    .find({ _id: { $in: ids }, 'metadata.tenantId': tenantId })
    .toArray();
  return rows.map((row) => ({
    fileId: String(row._id),
    name: row.filename as string,
    size: row.length as number,
    contentType: (row.metadata?.contentType as string) ?? 'application/octet-stream',
    metadata: row.metadata as StoredFileMeta,
  }));
}

/** Hands the files to a record, only while no record has them (a file cannot sit in two timelines). */
export async function claimAttachments(tenantId: string, fileIds: string[], recordId: string): Promise<void> {
  await filesCollection().updateMany(
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
  const [file] = await findAttachments(tenantId, [fileId]);
  if (!file || file.metadata.recordId !== recordId) return undefined;
  return { file, stream: bucket().openDownloadStream(new mongoose.Types.ObjectId(fileId)) };
}

/** Removes the files' bytes (a deleted record's attachments). */
export async function deleteAttachments(tenantId: string, fileIds: string[]): Promise<void> {
  const owned = await findAttachments(tenantId, fileIds);
  for (const file of owned) await bucket().delete(new mongoose.Types.ObjectId(file.fileId));
}

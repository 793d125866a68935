import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';

/**
 * Images of 欢迎语 (R-2.3, I-35: uploaded inline, jpg/png ≤ 2 MB) in GridFS, bucket `welcomeImages`, each
 * file tagged with its tenant. WeCom fetches them by URL (send_welcome_msg's `pic_url`), so they are served
 * publicly by tenant and file id (an unguessable ObjectId); every read still filters on the tenant.
 */
const BUCKET = 'welcomeImages';

export interface StoredWelcomeImage {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('welcome-image-store: the database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET });
}

const filesCollection = () => mongoose.connection.collection(`${BUCKET}.files`);

/** Streams an upload in; `tooLarge()` is asked at the end (the parser truncates at the limit). */
export async function storeWelcomeImage(
  content: Readable,
  file: { tenantId: string; name: string; contentType: string },
  tooLarge: () => boolean,
): Promise<StoredWelcomeImage | undefined> {
  const upload = bucket().openUploadStream(file.name, {
    metadata: { tenantId: file.tenantId, contentType: file.contentType },
  });
  await pipeline(content, upload);
  if (tooLarge()) {
    await bucket().delete(upload.id);
    return undefined;
  }
  return { fileId: String(upload.id), name: file.name, size: upload.length, contentType: file.contentType };
}

export async function findWelcomeImages(tenantId: string, fileIds: string[]): Promise<StoredWelcomeImage[]> {
  const rows = await filesCollection()
    .find({
      _id: { $in: fileIds.map((id) => new mongoose.Types.ObjectId(id)) },
      'metadata.tenantId': tenantId,
    })
    .toArray();
  return rows.map((row) => ({
    fileId: String(row._id),
    name: row.filename as string,
    size: row.length as number,
    contentType: (row.metadata?.contentType as string) ?? 'image/png',
  }));
}

export async function openWelcomeImage(
  tenantId: string,
  fileId: string,
): Promise<{ file: StoredWelcomeImage; stream: Readable } | undefined> {
  const [file] = await findWelcomeImages(tenantId, [fileId]);
  if (!file) return undefined;
  return { file, stream: bucket().openDownloadStream(new mongoose.Types.ObjectId(fileId)) };
}

/** The public address WeCom (and the admin's preview) loads the image from. */
export function welcomeImageUrl(publicUrl: string, tenantId: string, fileId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/public/welcome-images/${encodeURIComponent(tenantId)}/${fileId}`;
}

/** The whole image in memory (≤ 2 MB), for uploading it to WeCom as temporary media. */
export async function readWelcomeImage(
  tenantId: string,
  fileId: string,
): Promise<{ bytes: Buffer; name: string; contentType: string } | undefined> {
  const opened = await openWelcomeImage(tenantId, fileId);
  if (!opened) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), name: opened.file.name, contentType: opened.file.contentType };
}

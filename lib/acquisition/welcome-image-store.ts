import type { Readable } from 'node:stream';
import { GridFsStore, readAll, type GridFsFileRow } from '../db/gridfs-store';

/**
 * Images of 欢迎语 (R-2.3, I-35: uploaded inline, jpg/png ≤ 2 MB) in GridFS, bucket `welcomeImages`, each
 * file tagged with its tenant. WeCom fetches them by URL (send_welcome_msg's `pic_url`), so they are served
 * publicly by tenant and file id (an unguessable ObjectId); every read still filters on the tenant.
 */
const store = new GridFsStore('welcomeImages');

export interface StoredWelcomeImage {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

const imageOf = (row: GridFsFileRow): StoredWelcomeImage => ({
  fileId: String(row._id),
  name: row.filename,
  size: row.length,
  contentType: (row.metadata?.contentType as string | undefined) ?? 'image/png',
});

/** Streams an upload in; `tooLarge()` is asked at the end (the parser truncates at the limit). */
export async function storeWelcomeImage(
  content: Readable,
  file: { tenantId: string; name: string; contentType: string },
  tooLarge: () => boolean,
): Promise<StoredWelcomeImage | undefined> {
  const stored = await store.upload(
    content,
    file.name,
    { tenantId: file.tenantId, contentType: file.contentType },
    tooLarge,
  );
  return (
    stored && {
      fileId: String(stored.id),
      name: file.name,
      size: stored.length,
      contentType: file.contentType,
    }
  );
}

export async function findWelcomeImages(tenantId: string, fileIds: string[]): Promise<StoredWelcomeImage[]> {
  return (await store.findOwned(tenantId, fileIds)).map(imageOf);
}

export async function openWelcomeImage(
  tenantId: string,
  fileId: string,
): Promise<{ file: StoredWelcomeImage; stream: Readable } | undefined> {
  const [row] = await store.findOwned(tenantId, [fileId]);
  if (!row) return undefined;
  return { file: imageOf(row), stream: store.openDownload(row._id) };
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
  return {
    bytes: await readAll(opened.stream),
    name: opened.file.name,
    contentType: opened.file.contentType,
  };
}

import type { Readable } from 'node:stream';
import { GridFsStore, readAll, type GridFsFileRow } from '../db/gridfs-store';

export interface StoredMedia {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

/**
 * Files a tenant uploads for content that WeCom or a member's browser loads by URL (欢迎语 images, SOP images
 * and videos): one GridFS bucket per feature, each file tagged with its tenant and served publicly under
 * `/api/public/<publicPath>/<tenant>/<fileId>` (an unguessable ObjectId); every read still filters on the
 * tenant. Uploads arrive through api/http/single-file-upload.ts, which enforces each feature's types and sizes.
 */
export class TenantMediaStore {
  private readonly files: GridFsStore;

  constructor(
    bucketName: string,
    private readonly publicPath: string,
  ) {
    this.files = new GridFsStore(bucketName);
  }

  /** Streams an upload in; `tooLarge()` is asked at the end (the parser truncates at the limit). */
  async store(
    content: Readable,
    file: { tenantId: string; name: string; contentType: string },
    tooLarge: () => boolean,
  ): Promise<StoredMedia | undefined> {
    const stored = await this.files.upload(
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

  /** The tenant's files among `fileIds` (others' and unknown ids are left out). */
  async find(tenantId: string, fileIds: string[]): Promise<StoredMedia[]> {
    return (await this.files.findOwned(tenantId, fileIds)).map(mediaOf);
  }

  async open(tenantId: string, fileId: string): Promise<{ file: StoredMedia; stream: Readable } | undefined> {
    const [row] = await this.files.findOwned(tenantId, [fileId]);
    if (!row) return undefined;
    return { file: mediaOf(row), stream: this.files.openDownload(row._id) };
  }

  /** The whole file in memory, for files known to be small (an image ≤ 2 MB uploaded to WeCom as media). */
  async read(
    tenantId: string,
    fileId: string,
  ): Promise<{ bytes: Buffer; name: string; contentType: string } | undefined> {
    const opened = await this.open(tenantId, fileId);
    if (!opened) return undefined;
    return {
      bytes: await readAll(opened.stream),
      name: opened.file.name,
      contentType: opened.file.contentType,
    };
  }

  /** The public address WeCom, the admin's preview and the H5 load the file from. */
  url(publicUrl: string, tenantId: string, fileId: string): string {
    return `${publicUrl.replace(/\/$/, '')}/api/public/${this.publicPath}/${encodeURIComponent(tenantId)}/${fileId}`;
  }
}

const mediaOf = (row: GridFsFileRow): StoredMedia => ({
  fileId: String(row._id),
  name: row.filename,
  size: row.length,
  contentType: (row.metadata?.contentType as string | undefined) ?? 'application/octet-stream',
});

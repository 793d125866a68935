import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';

type ObjectId = mongoose.Types.ObjectId;

/** A stored file's row in `<bucket>.files`, as the stores read it. */
export interface GridFsFileRow {
  _id: ObjectId;
  filename: string;
  length: number;
  metadata?: Record<string, unknown>;
}

/**
 * One GridFS bucket: file bytes in 255 KB chunks of their own collection, so no document carries file content
 * and large files stream in and out. FerretDB v1 serves GridFS's queries (files by _id or filename, chunks by
 * files_id sorted by n) as MongoDB does. Files carry their tenant in `metadata.tenantId`, and every read by id
 * filters on it. The feature stores (欢迎语 images, 群活码 images, 联系记录 attachments, archived chat media) are
 * built on it.
 */
export class GridFsStore {
  private indexesReady?: Promise<unknown>;

  constructor(readonly bucketName: string) {}

  bucket() {
    const db = mongoose.connection.db;
    if (!db) throw new Error(`GridFS ${this.bucketName}: the database is not connected`);
    return new mongoose.mongo.GridFSBucket(db, { bucketName: this.bucketName });
  }

  files() {
    return mongoose.connection.collection(`${this.bucketName}.files`);
  }

  /**
   * GridFS creates its indexes on a bucket's first upload; uploads racing to do that on new collections have
   * stalled FerretDB, so they are made once per process, before any upload.
   */
  ensureIndexes(): Promise<unknown> {
    this.indexesReady ??= Promise.all([
      this.files().createIndex({ filename: 1, uploadDate: 1 }),
      mongoose.connection
        .collection(`${this.bucketName}.chunks`)
        .createIndex({ files_id: 1, n: 1 }, { unique: true }),
    ]).catch((error: unknown) => {
      this.indexesReady = undefined;
      throw error;
    });
    return this.indexesReady;
  }

  /**
   * Streams `content` in. With `truncated` (an upload parser's limit), it is asked once the stream ended: a
   * truncated file is removed again and answered as undefined. A failed upload leaves no chunks behind.
   */
  async upload(
    content: Readable | Buffer,
    name: string,
    metadata: Record<string, unknown>,
    truncated: () => boolean = () => false,
  ): Promise<{ id: ObjectId; length: number } | undefined> {
    await this.ensureIndexes();
    const upload = this.bucket().openUploadStream(name, { metadata });
    try {
      await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, upload);
    } catch (error) {
      await this.remove(upload.id);
      throw error;
    }
    if (truncated()) {
      await this.remove(upload.id);
      return undefined;
    }
    return { id: upload.id, length: upload.length };
  }

  /** The tenant's files among `fileIds` (ids that are not ObjectIds match nothing). */
  async findOwned(tenantId: string, fileIds: readonly string[]): Promise<GridFsFileRow[]> {
    const ids = fileIds
      .filter((id) => mongoose.isValidObjectId(id))
      .map((id) => new mongoose.Types.ObjectId(id));
    if (ids.length === 0) return [];
    return (await this.files()
      .find({ _id: { $in: ids }, 'metadata.tenantId': tenantId })
      .toArray()) as unknown as GridFsFileRow[];
  }

  openDownload(id: ObjectId): Readable {
    return this.bucket().openDownloadStream(id);
  }

  /** Removes a file and its chunks; one already gone is not an error. */
  async remove(id: ObjectId): Promise<void> {
    await this.bucket()
      .delete(id)
      .catch(() => undefined);
  }

  /** Removes the tenant's files among `fileIds`. */
  async removeOwned(tenantId: string, fileIds: readonly string[]): Promise<void> {
    for (const file of await this.findOwned(tenantId, fileIds)) await this.remove(file._id);
  }
}

/** A stream's bytes in memory: for files known to be small (images ≤ 2 MB). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/**
 * The files behind archived image/voice/video/file messages, read with the SDK's GetMediaData (API.md §15.1):
 * by sdkfileid, in chunks of at most 512 KB. The first call passes an empty indexbuf; each answer carries the
 * next one (`Range:bytes=<from>-<to>`) until is_finish.
 */
import { createHash, randomBytes } from 'node:crypto';

export const MEDIA_CHUNK_BYTES = 512 * 1024;

export interface MediaChunk {
  data: Buffer;
  outindexbuf: string;
  is_finish: boolean;
}

export class UnknownMediaError extends Error {
  override name = 'UnknownMediaError';
}

export class ArchiveMedia {
  private readonly files = new Map<string, Buffer>();

  /** Keeps the bytes and answers the ids a message body carries. */
  store(bytes: Buffer): { sdkfileid: string; md5sum: string; size: number } {
    // Real sdkfileids are long opaque base64 strings; a random one of that look will do.
    const sdkfileid = randomBytes(96).toString('base64');
    this.files.set(sdkfileid, bytes);
    return { sdkfileid, md5sum: createHash('md5').update(bytes).digest('hex'), size: bytes.length };
  }

  chunk(sdkfileid: string, indexbuf: string): MediaChunk {
    const bytes = this.files.get(sdkfileid);
    if (!bytes) throw new UnknownMediaError(`unknown sdkfileid`);
    const from = indexbuf === '' ? 0 : Number(/^Range:bytes=(\d+)-\d+$/.exec(indexbuf)?.[1] ?? NaN);
    if (!Number.isInteger(from) || from > bytes.length) throw new UnknownMediaError('bad indexbuf');
    const to = Math.min(from + MEDIA_CHUNK_BYTES, bytes.length);
    const finished = to >= bytes.length;
    return {
      data: bytes.subarray(from, to),
      outindexbuf: finished ? '' : `Range:bytes=${to}-${Math.min(to + MEDIA_CHUNK_BYTES, bytes.length) - 1}`,
      is_finish: finished,
    };
  }

  get size(): number {
    return this.files.size;
  }
}

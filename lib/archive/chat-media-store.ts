import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GridFsStore } from '../db/gridfs-store';
import type { MediaChunk } from '../wecom/chat-archive-sdk';
import type { MediaRef } from './chat-message-record';

/**
 * The files of archived image/voice/video/file messages, in GridFS (bucket `chatMedia`), each stored once: the
 * file's name (its key) is a hash of the tenant and the file's md5sum (or its sdkfileid when WeCom gave no md5),
 * so the same picture sent a hundred times, or a batch read again after a crash, is downloaded and kept once.
 * Each upload has an id of its own: two runs of one batch at once (a scheduled run beside one started by hand, or
 * a retry beside an attempt that missed its heartbeat) then write two whole copies, never into each other's
 * chunks, and a reader takes either (`openDownloadStreamByName`). Chunks are streamed from GetMediaData into
 * GridFS, never held whole in memory.
 */
const store = new GridFsStore('chatMedia');
/** GetMediaData's md5 can be empty or wrong on a bad read (API.md §15.1): read again, a few times. */
const DOWNLOAD_ATTEMPTS = 3;

export const chatMediaKey = (tenantId: string, media: MediaRef) =>
  createHash('sha256')
    .update(`${tenantId}:${media.md5sum || media.sdkfileid}`)
    .digest('hex');

export type MediaChunkReader = (indexbuf: string) => Promise<MediaChunk>;

async function* chunksOf(read: MediaChunkReader, digest: ReturnType<typeof createHash>) {
  let indexbuf = '';
  for (;;) {
    const chunk = await read(indexbuf);
    digest.update(chunk.data);
    yield chunk.data;
    if (chunk.isFinish || !chunk.outindexbuf) return;
    indexbuf = chunk.outindexbuf;
  }
}

/** Stores the file unless it is there already; answers its key. */
export async function storeChatMedia(
  tenantId: string,
  media: MediaRef,
  read: MediaChunkReader,
): Promise<string> {
  const key = chatMediaKey(tenantId, media);
  await store.ensureIndexes();
  if (await store.files().findOne({ filename: key }, { projection: { _id: 1 } })) return key;
  for (let attempt = 1; ; attempt += 1) {
    const digest = createHash('md5');
    // A failed upload's chunks are removed (a crashed process leaves its few chunks unreferenced).
    const stored = await store.upload(Readable.from(chunksOf(read, digest)), key, {
      tenantId,
      sdkfileid: media.sdkfileid,
      md5sum: media.md5sum,
    });
    const verified = !media.md5sum || digest.digest('hex') === media.md5sum;
    // After the last attempt the file is kept as read: a wrong md5 from WeCom must not stop the archive.
    if (verified || attempt >= DOWNLOAD_ATTEMPTS) return key;
    await store.remove(stored!.id);
  }
}

/** A stored file's bytes as a stream, or undefined when it is not (or not yet) stored. */
export async function openChatMedia(
  fileKey: string,
): Promise<{ stream: Readable; length: number } | undefined> {
  // Two runs of one batch at once may have stored two whole copies: either will do.
  const file = await store.files().findOne({ filename: fileKey }, { projection: { _id: 1, length: 1 } });
  if (!file) return undefined;
  return { stream: store.openDownload(file._id), length: Number(file.length) };
}

import { PassThrough, Transform, type Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { SNIFF_BYTES, sniffContentType } from '../../lib/media/sniff-content-type';
import { AppError } from './app-error';

/** A refusal as the client sees it: HTTP status, machine code, the Chinese message. */
export interface UploadRefusal {
  status: number;
  code: string;
  message: string;
}

export interface SingleFileRules<T> {
  /** The largest file taken, in bytes. */
  maxBytes: number;
  /** No file in the `file` field (or not multipart at all). */
  noFile: UploadRefusal;
  /** The file went over `maxBytes`. */
  tooLarge: UploadRefusal;
  /**
   * Types accepted, checked twice before a byte is stored: the part's declared type, then the file's own first
   * bytes (lib/media/sniff-content-type.ts), which must be an accepted type too; `store` is given the type the
   * bytes show, so a .png that is a JPEG is stored and served as one, and a text file renamed .png is refused.
   */
  types?: { accepted: readonly string[]; refusal: UploadRefusal };
  /**
   * Rules of their own for some declared types (one upload of SOP images ≤ 2 MB or videos ≤ 10 MB): a smaller
   * limit and its message, or other accepted types; `maxBytes` above stays the largest any file may have.
   */
  byType?(mimeType: string): Partial<Pick<SingleFileRules<T>, 'maxBytes' | 'tooLarge' | 'types'>>;
  /**
   * Stores the file as it streams in. Answers undefined when `truncated()` says the file went over the limit
   * (having removed what it stored); may throw an AppError of its own. `info.mimeType` is the sniffed type when
   * `types` are given, the declared one otherwise.
   */
  store(
    stream: Readable,
    info: { filename?: string; mimeType: string },
    truncated: () => boolean,
  ): Promise<T | undefined>;
}

const refuse = (refusal: UploadRefusal) => new AppError(refusal.status, refusal.code, refusal.message);

/**
 * The one multipart/form-data receiver: a single file in the field `file`, streamed to `store` (the api never
 * holds more of it than the store does), other fields and files ignored. busboy marks a file truncated on
 * reaching its limit, so the limit is one byte more than `maxBytes`: exactly `maxBytes` gets through.
 */
export function receiveSingleFile<T>(req: Request, rules: SingleFileRules<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, fileSize: rules.maxBytes + 1 },
      });
    } catch {
      reject(refuse(rules.noFile));
      return;
    }
    let stored: Promise<T | undefined> | undefined;
    let wrongType: UploadRefusal | undefined;
    let tooLarge = rules.tooLarge;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored || wrongType) {
        stream.resume();
        return;
      }
      const own = { ...rules, ...rules.byType?.(info.mimeType) };
      if (own.types && !own.types.accepted.includes(info.mimeType)) {
        wrongType = own.types.refusal;
        stream.resume();
        return;
      }
      tooLarge = own.tooLarge;
      const received = own.types
        ? checkedContent(stream, own.types).then((checked) => ({
            content: checked.content,
            file: { ...info, mimeType: checked.mimeType },
          }))
        : Promise.resolve({ content: stream as Readable, file: info });
      stored = handledLater(
        received.then(({ content, file }) => {
          if (own.maxBytes >= rules.maxBytes) {
            return rules.store(content, file, () => stream.truncated === true);
          }
          // Below the parser's limit the bytes are counted on the way to the store.
          let bytes = 0;
          const counted = content.pipe(
            new Transform({
              transform(chunk: Buffer, _encoding, done) {
                bytes += chunk.length;
                done(null, chunk);
              },
            }),
          );
          content.on('error', (error) => counted.destroy(error));
          return rules.store(counted, file, () => stream.truncated === true || bytes > own.maxBytes);
        }),
      );
    });
    parser.on('error', () => reject(refuse(rules.noFile)));
    parser.on('close', () => {
      if (wrongType) return reject(refuse(wrongType));
      if (!stored) return reject(refuse(rules.noFile));
      stored.then((file) => (file === undefined ? reject(refuse(tooLarge)) : resolve(file)), reject);
    });
    req.pipe(parser);
  });
}

/**
 * The file's first bytes must be an accepted type: answers the whole file (those bytes put back in front) with
 * the type they show, or refuses, draining the rest so the parser still finishes. A refusal says the content is
 * not what the name claims, then the upload's own rule.
 */
async function checkedContent(
  stream: Readable,
  types: { accepted: readonly string[]; refusal: UploadRefusal },
): Promise<{ content: Readable; mimeType: string }> {
  const { head, rest } = await firstBytes(stream, SNIFF_BYTES);
  const sniffed = sniffContentType(head);
  if (!sniffed || !types.accepted.includes(sniffed)) {
    stream.resume();
    throw refuse({ ...types.refusal, message: `文件内容与其格式不符：${types.refusal.message}` });
  }
  return { content: rest(), mimeType: sniffed };
}

/** Reads at least `size` bytes (fewer if the file is shorter), then pauses; `rest()` is the whole file again. */
function firstBytes(stream: Readable, size: number): Promise<{ head: Buffer; rest: () => Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let ended = false;
    const finish = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', reject);
      stream.pause();
      const head = Buffer.concat(chunks);
      const rest = () => {
        const whole = new PassThrough();
        whole.write(head);
        if (ended) {
          whole.end();
        } else {
          stream.on('error', (error) => whole.destroy(error));
          stream.pipe(whole);
        }
        return whole;
      };
      resolve({ head, rest });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) finish();
    };
    const onEnd = () => {
      ended = true;
      finish();
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', reject);
  });
}

/**
 * The store's refusal (bytes that are not what the part says) can come before the parser closes, or the parser
 * can fail first and never look at it: either way it must not be an unhandled rejection, which would take the
 * whole api down. The answer still comes from `.then(…, reject)` on close.
 */
function handledLater<T>(stored: Promise<T>): Promise<T> {
  stored.catch(() => undefined);
  return stored;
}

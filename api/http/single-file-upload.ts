import { Transform, type Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
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
  /** Types accepted by the part's declared type; anything else is refused before a byte is stored. */
  types?: { accepted: readonly string[]; refusal: UploadRefusal };
  /**
   * Rules of their own for some declared types (one upload of SOP images ≤ 2 MB or videos ≤ 10 MB): a smaller
   * limit and its message, or other accepted types; `maxBytes` above stays the largest any file may have.
   */
  byType?(mimeType: string): Partial<Pick<SingleFileRules<T>, 'maxBytes' | 'tooLarge' | 'types'>>;
  /**
   * Stores the file as it streams in. Answers undefined when `truncated()` says the file went over the limit
   * (having removed what it stored); may throw an AppError of its own (a file whose bytes are not what it says).
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
      if (own.maxBytes >= rules.maxBytes) {
        stored = handledLater(rules.store(stream, info, () => stream.truncated === true));
        return;
      }
      // Below the parser's limit the bytes are counted on the way to the store.
      let bytes = 0;
      const counted = stream.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done(null, chunk);
          },
        }),
      );
      stream.on('error', (error) => counted.destroy(error));
      stored = handledLater(
        rules.store(counted, info, () => stream.truncated === true || bytes > own.maxBytes),
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
 * The store's refusal (bytes that are not what the part says) can come before the parser closes, or the parser
 * can fail first and never look at it: either way it must not be an unhandled rejection, which would take the
 * whole api down. The answer still comes from `.then(…, reject)` on close.
 */
function handledLater<T>(stored: Promise<T>): Promise<T> {
  stored.catch(() => undefined);
  return stored;
}

import type { Readable } from 'node:stream';
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
    let wrongType = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored || wrongType) {
        stream.resume();
        return;
      }
      if (rules.types && !rules.types.accepted.includes(info.mimeType)) {
        wrongType = true;
        stream.resume();
        return;
      }
      stored = rules.store(stream, info, () => stream.truncated === true);
    });
    parser.on('error', () => reject(refuse(rules.noFile)));
    parser.on('close', () => {
      if (wrongType && rules.types) return reject(refuse(rules.types.refusal));
      if (!stored) return reject(refuse(rules.noFile));
      stored.then((file) => (file === undefined ? reject(refuse(rules.tooLarge)) : resolve(file)), reject);
    });
    req.pipe(parser);
  });
}

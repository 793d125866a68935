import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';

/**
 * One GET to an address a user typed (a 常用链接 page, a Udesk domain), the response handed back unread.
 * `lookup` is the socket's own DNS lookup (publicOnlyLookup keeps the request off the server's network);
 * redirects are not followed here: a caller that follows them checks each hop's address itself. Each request
 * opens a connection of its own (no agent): a pooled keep-alive socket would skip `lookup`, so a request could
 * ride a connection another lookup allowed.
 */
export function outboundGet(
  url: URL,
  options: { lookup: LookupFunction; signal: AbortSignal; headers: Record<string, string> },
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { ...options, agent: false },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** The body's first `limit` bytes at most; the rest is never read and the stream is closed. */
export async function readUpTo(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).byteLength;
      if (size >= limit) break;
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

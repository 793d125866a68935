/**
 * The one outbound HTTP call the simulator makes (URL verification and event delivery), on node:http(s)
 * with a fresh socket per request so a hard deadline means the same thing every time and no keep-alive
 * socket outlives a test's receiver.
 */
import http from 'node:http';
import https from 'node:https';

/** Receivers answer "success", an empty body or the echostr; anything longer is only kept for the log. */
const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  timeoutMs: number;
  body?: string;
  contentType?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
}

export class HttpTimeoutError extends Error {
  override name = 'HttpTimeoutError';
}

export function sendHttpRequest(request: HttpRequest): Promise<HttpResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  const bodyBytes = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(request.url, {
      method: request.method,
      agent: false,
      headers: {
        'user-agent': 'wecom-sim',
        ...(bodyBytes
          ? { 'content-type': request.contentType ?? 'text/plain', 'content-length': bodyBytes.length }
          : {}),
      },
    });
    // One deadline for the whole exchange (connect, send, read), like WeCom's "answer within N seconds".
    const deadline = setTimeout(() => {
      outgoing.destroy(new HttpTimeoutError(`no complete answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      incoming.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      incoming.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.end(bodyBytes);
  });
}

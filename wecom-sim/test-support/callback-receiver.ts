/**
 * A tiny HTTP server standing in for the product's callback endpoint in tests. It records every request and
 * answers whatever the test scripts; `productLikeAnswer` answers the way a correct product does, using
 * @wecom/crypto (the library the product uses) so the simulator is checked against an independent decoder.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt, getSignature } from '@wecom/crypto';

export interface ReceivedRequest {
  method: string;
  url: URL;
  body: string;
}

export interface ScriptedAnswer {
  status: number;
  body?: string;
  delayMs?: number;
}

export type Answerer = (request: ReceivedRequest, index: number) => ScriptedAnswer;

export interface CallbackReceiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startCallbackReceiver(answer: Answerer): Promise<CallbackReceiver> {
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://receiver.local'),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const scripted = answer(received, requests.length - 1);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) res.writeHead(scripted.status).end(scripted.body ?? '');
      }, scripted.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wecom/callback`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ReceiverKeys {
  token: string;
  encodingAesKey: string;
}

/** Answers the verification GET with the decrypted echostr after checking its signature; 200 for events. */
export function productLikeAnswer(keys: ReceiverKeys, request: ReceivedRequest): ScriptedAnswer {
  if (request.method !== 'GET') return { status: 200, body: 'success' };
  const params = request.url.searchParams;
  const echostr = params.get('echostr') ?? '';
  const expected = getSignature(
    keys.token,
    params.get('timestamp') ?? '',
    params.get('nonce') ?? '',
    echostr,
  );
  if (expected !== params.get('msg_signature')) return { status: 403, body: 'bad signature' };
  return { status: 200, body: decrypt(keys.encodingAesKey, echostr).message };
}

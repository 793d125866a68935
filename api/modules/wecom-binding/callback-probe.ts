import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import type { CallbackSecrets } from '../../../lib/wecom/callback-crypto';

/** WeCom wants the echostr answer within 1 s (API.md §13.4); we wait a little longer to tell slow from dead. */
const WECOM_ANSWER_LIMIT_MS = 1000;
const PROBE_TIMEOUT_MS = 5000;

export type ProbeResult = { ok: true; elapsedMs: number; slow: boolean } | { ok: false; reason: string };

/**
 * Does what WeCom does when the admin saves a receive-event server: a GET with a signed, encrypted
 * echostr, expecting exactly the plaintext back. Sent to the public URL, so it proves the URL is
 * reachable from outside (as far as this server can see), not just that the route exists.
 */
export async function probeCallbackUrl(url: string, secrets: CallbackSecrets): Promise<ProbeResult> {
  const plaintext = randomBytes(8).toString('hex');
  const echostr = encrypt(secrets.encodingAesKey, plaintext, secrets.receiveId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signed = new URL(url);
  signed.searchParams.set('msg_signature', getSignature(secrets.token, timestamp, nonce, echostr));
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('nonce', nonce);
  signed.searchParams.set('echostr', echostr);

  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(signed, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut
        ? `${PROBE_TIMEOUT_MS / 1000} 秒内没有应答`
        : `无法访问（${(error as Error).message}）`,
    };
  }
  const elapsedMs = Date.now() - started;
  const body = await response.text();
  if (response.status !== 200) return { ok: false, reason: `应答 HTTP ${response.status}` };
  if (body !== plaintext) return { ok: false, reason: '应答内容不是解密后的 echostr' };
  return { ok: true, elapsedMs, slow: elapsedMs > WECOM_ANSWER_LIMIT_MS };
}

/**
 * WeCom's check when an admin saves callback settings (API.md §13.4): GET the URL with msg_signature,
 * timestamp, nonce and an encrypted echostr; the receiver must answer 200 with exactly the decrypted
 * plaintext — no quotes, no BOM, no newline — within 1 second.
 */
import type { SimClock } from '../clock';
import type { CallbackConfig } from './callback-config';
import { encryptMessage, signMessage } from './callback-crypto';
import { sendHttpRequest } from './http-request';
import { randomDigits, signedUrl } from './wire-params';

export const DEFAULT_VERIFICATION_TIMEOUT_MS = 1000;

export type VerificationResult =
  { verified: true } | { verified: false; reason: string; response?: { status: number; body: string } };

export async function verifyCallbackUrl(
  config: CallbackConfig,
  corpId: string,
  context: { clock: SimClock; timeoutMs: number },
): Promise<VerificationResult> {
  const plaintext = randomDigits(19);
  const echostr = encryptMessage(config.encodingAesKey, plaintext, corpId);
  const timestamp = String(context.clock.nowSeconds());
  const nonce = randomDigits(10);
  const url = signedUrl(config.url, {
    msg_signature: signMessage(config.token, timestamp, nonce, echostr),
    timestamp,
    nonce,
    echostr,
  });
  let response;
  try {
    response = await sendHttpRequest({ method: 'GET', url, timeoutMs: context.timeoutMs });
  } catch (error) {
    return { verified: false, reason: `request to ${config.url} failed: ${(error as Error).message}` };
  }
  if (response.status !== 200) {
    return { verified: false, reason: `the URL answered HTTP ${response.status}, expected 200`, response };
  }
  if (response.body !== plaintext) {
    return {
      verified: false,
      reason: `the answer ${JSON.stringify(response.body)} is not the decrypted echostr ${JSON.stringify(plaintext)} (exact text, no quotes or newline)`,
      response,
    };
  }
  return { verified: true };
}

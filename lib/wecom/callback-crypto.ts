import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

/** The settings WeCom and we share for one callback URL (API.md §13.1). */
export interface CallbackSecrets {
  token: string;
  encodingAesKey: string;
  /** corpid for a corp's own apps: the id WeCom appends to every plaintext. */
  receiveId: string;
}

export interface SignedCiphertext {
  msgSignature: string;
  timestamp: string;
  nonce: string;
  encrypted: string;
}

export class CallbackRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CallbackRejectedError';
  }
}

/**
 * Verify the signature first, then decrypt and check the receiver id, as WeCom's own samples do.
 * Anything that does not pass is rejected before it is stored anywhere.
 */
export function openCallback(secrets: CallbackSecrets, signed: SignedCiphertext): string {
  const expected = getSignature(secrets.token, signed.timestamp, signed.nonce, signed.encrypted);
  if (!sameText(expected, signed.msgSignature)) throw new CallbackRejectedError('signature mismatch');

  let opened: { message: string; id: string };
  try {
    opened = decrypt(secrets.encodingAesKey, signed.encrypted);
  } catch {
    throw new CallbackRejectedError('ciphertext cannot be decrypted');
  }
  if (opened.id !== secrets.receiveId) throw new CallbackRejectedError('receive id mismatch');
  return opened.message;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

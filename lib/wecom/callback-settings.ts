import { randomBytes } from 'node:crypto';

/** The two receive-event servers a tenant configures in the WeCom console (R-7.4-03). */
export const CALLBACK_SOURCES = ['contacts', 'customers'] as const;
export type CallbackSource = (typeof CALLBACK_SOURCES)[number];

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// 62 does not divide 256: drawing from the bytes below 248 (4 × 62) keeps every character equally likely.
function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** Token: letters and digits, at most 32 (API.md §13.1); we use all 32. */
export function newCallbackToken(): string {
  return randomAlphanumeric(32);
}

/** EncodingAESKey: exactly 43 characters of [A-Za-z0-9] (API.md §13.1). */
export function newEncodingAesKey(): string {
  return randomAlphanumeric(43);
}

/** The URL WeCom calls for each source; the path is what the api mounts. */
export function callbackUrl(publicUrl: string, tenantId: string, source: CallbackSource): string {
  return `${publicUrl}/wecom/callback/${encodeURIComponent(tenantId)}/${source}`;
}

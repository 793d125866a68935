/**
 * The random parts of a signed callback request. WeCom's nonces and echostr plaintexts are digit strings
 * (e.g. nonce "1372623149", echostr plaintext "1288432023552776189" in the official samples).
 */
import { randomInt } from 'node:crypto';

export function randomDigits(length: number): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < length) digits += String(randomInt(0, 10));
  return digits;
}

/** Adds the signature query parameters, URL-encoded, keeping any query the configured URL already has. */
export function signedUrl(base: string, params: Record<string, string>): URL {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

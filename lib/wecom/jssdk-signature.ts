import { createHash, randomBytes } from 'node:crypto';

/**
 * The JS-SDK signature (API.md §13.6/§16): sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` in exactly
 * that order, raw values (no URL-encoding), the page URL without its `#fragment`, timestamp in seconds.
 * The same algorithm serves the corp ticket (wx.config) and the app ticket (agentConfig).
 */
export function jssdkSignature(input: {
  ticket: string;
  nonceStr: string;
  timestamp: number;
  url: string;
}): string {
  const url = input.url.split('#')[0];
  return createHash('sha1')
    .update(`jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`)
    .digest('hex');
}

/** A fresh signed config for one page: a random nonce (16 letters and digits) and the current second. */
export function signPage(ticket: string, url: string, nowMs = Date.now()) {
  const nonceStr = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16);
  const timestamp = Math.floor(nowMs / 1000);
  return { nonceStr, timestamp, signature: jssdkSignature({ ticket, nonceStr, timestamp, url }) };
}

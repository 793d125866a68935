import { createHash } from 'node:crypto';

/**
 * The JS-SDK signature (API.md §13.6/§16): sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` in exactly
 * that order, raw values (no URL-encoding), the url without its `#fragment`.
 */
export function jssdkSignature(input: {
  ticket: string;
  nonceStr: string;
  timestamp: number | string;
  url: string;
}) {
  const url = input.url.split('#')[0];
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`;
  return createHash('sha1').update(plain).digest('hex');
}

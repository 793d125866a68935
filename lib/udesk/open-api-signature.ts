import { createHash, randomUUID } from 'node:crypto';

/**
 * Udesk open API (v2) authentication, from Udesk's public "开放接口(v2) 通用说明 / 鉴权方法" page
 * (https://www.udesk.cn/doc/apiv2/intro/): every call to `https://<子域名>.udesk.cn/open_api_v1/<path>` carries
 * `email` (the 超级管理员 email), `timestamp` (Unix seconds), `nonce` (usable once within 15 minutes),
 * `sign_version=v2` and `sign = SHA256("email&open_api_token&timestamp&nonce&sign_version")` as lowercase hex.
 * The token itself never travels; only this digest does.
 */
export const UDESK_SIGN_VERSION = 'v2';

export interface UdeskSignedQuery {
  email: string;
  timestamp: string;
  nonce: string;
  sign: string;
  sign_version: typeof UDESK_SIGN_VERSION;
}

export function udeskSign(email: string, apiToken: string, timestamp: string, nonce: string): string {
  return createHash('sha256')
    .update([email, apiToken, timestamp, nonce, UDESK_SIGN_VERSION].join('&'), 'utf8')
    .digest('hex');
}

export function signedUdeskQuery(
  email: string,
  apiToken: string,
  nowMs = Date.now(),
  nonce = randomUUID(),
): UdeskSignedQuery {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    email,
    timestamp,
    nonce,
    sign: udeskSign(email, apiToken, timestamp, nonce),
    sign_version: UDESK_SIGN_VERSION,
  };
}

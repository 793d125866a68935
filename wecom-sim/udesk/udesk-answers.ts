/**
 * What the simulated Udesk answers. From Udesk's public open API v2 pages: JSON bodies with a numeric `code`,
 * 1000 meaning success, and a `message` otherwise. The intro page's table of failure codes could not be read
 * when this was written, so the failure numbers below are the simulator's own; the product must not (and does
 * not) depend on any code but 1000.
 */
export const UDESK_SUCCESS = 1000;

export const UDESK_FAILURES = {
  missingParameter: { code: 2000, message: '缺少鉴权参数' },
  unsupportedSignVersion: { code: 2001, message: '不支持的签名算法版本' },
  staleTimestamp: { code: 2002, message: '时间戳已过期' },
  reusedNonce: { code: 2003, message: 'nonce已被使用' },
  unknownAdmin: { code: 2004, message: '管理员邮箱不存在' },
  badSign: { code: 2005, message: '签名验证失败' },
} as const;

export type UdeskFailure = (typeof UDESK_FAILURES)[keyof typeof UDESK_FAILURES];

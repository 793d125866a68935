/**
 * WeCom's error JSON: {errcode, errmsg} with the real-style errmsg suffix (API.md §0), plus whatever empty list
 * fields the endpoint keeps in error bodies — clients must not mistake those for an empty success.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { WecomError } from '../wecom-error';

export interface ErrorContext {
  clientIp: string;
  nowSeconds: number;
}

export function errmsgWithHint(text: string, errcode: number, context: ErrorContext): string {
  const hint = `${context.nowSeconds}_${randomInt(1, 100)}_${randomBytes(16).toString('hex')}`;
  return `${text}, hint: [${hint}], from ip: ${context.clientIp}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

export function wecomErrorBody(
  error: WecomError,
  context: ErrorContext,
  emptyOnError: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    errcode: error.errcode,
    errmsg: errmsgWithHint(error.message, error.errcode, context),
    ...structuredClone(emptyOnError),
  };
}

/** Query parameters of the GET-style contacts APIs, with WeCom's 40058 for values of the wrong shape. */
import { WecomError } from '../wecom-error';

/** Undefined when absent, so each API can apply its own "missing" code. */
export function optionalIdParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new WecomError(40058, `${name} must be a number`);
  return Number(value);
}

export function flagParam(value: string | undefined): boolean {
  return value === '1';
}

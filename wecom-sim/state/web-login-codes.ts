/**
 * Codes handed to redirect_uri after a web login scan (API.md §17): single use, valid 5 minutes, then
 * 40029 from auth/getuserinfo. A member's code yields their userid; a non-member's yields an openid.
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../clock';

export const WEB_LOGIN_CODE_TTL_SECONDS = 300;

export type ScannedIdentity = { userid: string } | { openid: string };

interface IssuedCode {
  corpId: string;
  identity: ScannedIdentity;
  expiresAtMs: number;
}

export class WebLoginCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly clock: SimClock) {}

  issue(corpId: string, identity: ScannedIdentity): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      corpId,
      identity,
      expiresAtMs: this.clock.nowMs() + WEB_LOGIN_CODE_TTL_SECONDS * 1000,
    });
    return code;
  }

  /** The identity behind a code, once; undefined when unknown, used, expired or another corp's. */
  redeem(corpId: string, code: string): ScannedIdentity | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.corpId !== corpId || issued.expiresAtMs <= this.clock.nowMs()) return undefined;
    return issued.identity;
  }

  clear(): void {
    this.codes.clear();
  }
}

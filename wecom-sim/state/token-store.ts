/**
 * access_tokens for every corp. A token is bound to (corp, secret kind), lives 7200 s on the simulator's clock,
 * and gettoken hands back the same token while it is valid (API.md Appendix B2). Expired tokens are remembered
 * so business APIs can tell 42001 (expired) from 40014 (never issued or revoked), per Appendix B3.
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../clock';
import { recordIssuedSecrets } from './issued-secrets';
import type { SecretKind } from './secret-kinds';

export const TOKEN_TTL_SECONDS = 7200;

export interface TokenGrant {
  corpId: string;
  kind: SecretKind;
  expiresAtMs: number;
}

export type TokenLookup =
  { status: 'valid'; grant: TokenGrant } | { status: 'expired' } | { status: 'unknown' };

/** revoke → clients see 40014; expire → clients see 42001. */
export type InvalidationMode = 'revoke' | 'expire';

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

export class TokenStore {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly currentToken = new Map<string, string>();

  constructor(private readonly clock: SimClock) {}

  issue(corpId: string, kind: SecretKind): IssuedToken {
    const slot = `${corpId}/${kind}`;
    const existing = this.currentToken.get(slot);
    const existingGrant = existing === undefined ? undefined : this.grants.get(existing);
    const nowMs = this.clock.nowMs();
    if (existing !== undefined && existingGrant && existingGrant.expiresAtMs > nowMs) {
      // The same token again, with what is left of its lifetime, so a client's cache expires when the token does.
      return { accessToken: existing, expiresIn: Math.ceil((existingGrant.expiresAtMs - nowMs) / 1000) };
    }
    const accessToken = randomBytes(96).toString('base64url');
    this.grants.set(accessToken, { corpId, kind, expiresAtMs: nowMs + TOKEN_TTL_SECONDS * 1000 });
    this.currentToken.set(slot, accessToken);
    recordIssuedSecrets(accessToken);
    return { accessToken, expiresIn: TOKEN_TTL_SECONDS };
  }

  lookup(accessToken: string): TokenLookup {
    const grant = this.grants.get(accessToken);
    if (!grant) return { status: 'unknown' };
    if (grant.expiresAtMs <= this.clock.nowMs()) return { status: 'expired' };
    return { status: 'valid', grant: { ...grant } };
  }

  /** WeCom may invalidate tokens early; returns how many live tokens were affected. */
  invalidateCorp(corpId: string, mode: InvalidationMode): number {
    const nowMs = this.clock.nowMs();
    let affected = 0;
    for (const [token, grant] of this.grants) {
      if (grant.corpId !== corpId || grant.expiresAtMs <= nowMs) continue;
      affected += 1;
      if (mode === 'revoke') this.grants.delete(token);
      else grant.expiresAtMs = nowMs;
    }
    return affected;
  }

  liveGrants(corpId: string): TokenGrant[] {
    const nowMs = this.clock.nowMs();
    return [...this.grants.values()].filter((grant) => grant.corpId === corpId && grant.expiresAtMs > nowMs);
  }

  clear(): void {
    this.grants.clear();
    this.currentToken.clear();
  }
}

import { SimClock } from '../clock';
import { TokenStore, TOKEN_TTL_SECONDS } from './token-store';

const START_MS = Date.UTC(2025, 0, 1);

function storeAt(nowMs: () => number) {
  const clock = new SimClock(nowMs);
  return { clock, tokens: new TokenStore(clock) };
}

describe('TokenStore', () => {
  it('keeps a token valid until exactly 7200 s after issue, then reports it expired', () => {
    let now = START_MS;
    const { tokens } = storeAt(() => now);
    const { accessToken } = tokens.issue('ww1', 'contacts');
    now += (TOKEN_TTL_SECONDS - 1) * 1000;
    expect(tokens.lookup(accessToken)).toMatchObject({
      status: 'valid',
      grant: { corpId: 'ww1', kind: 'contacts' },
    });
    now += 1000;
    expect(tokens.lookup(accessToken)).toEqual({ status: 'expired' });
  });

  it('answers unknown for a token it never issued', () => {
    expect(storeAt(() => START_MS).tokens.lookup('nope')).toEqual({ status: 'unknown' });
  });

  it('reissues the same token with the remaining lifetime, and a new one once it expired', () => {
    const { clock, tokens } = storeAt(() => START_MS);
    const first = tokens.issue('ww1', 'app');
    clock.advance(100.4);
    expect(tokens.issue('ww1', 'app')).toEqual({ accessToken: first.accessToken, expiresIn: 7100 });
    clock.advance(TOKEN_TTL_SECONDS);
    expect(tokens.issue('ww1', 'app').accessToken).not.toBe(first.accessToken);
  });

  it('invalidates only the live tokens of one corp', () => {
    const { tokens } = storeAt(() => START_MS);
    const mine = tokens.issue('ww1', 'contacts').accessToken;
    const other = tokens.issue('ww2', 'contacts').accessToken;
    expect(tokens.invalidateCorp('ww1', 'revoke')).toBe(1);
    expect(tokens.lookup(mine)).toEqual({ status: 'unknown' });
    expect(tokens.lookup(other).status).toBe('valid');
  });
});

import { createHash } from 'node:crypto';
import { signedUdeskQuery, udeskSign } from './open-api-signature';

describe('Udesk open API v2 signature', () => {
  it('is the SHA-256 hex of email&token&timestamp&nonce&v2', () => {
    const expected = createHash('sha256').update('admin@demo.cn&tok-123&1700000000&n-1&v2').digest('hex');
    expect(udeskSign('admin@demo.cn', 'tok-123', '1700000000', 'n-1')).toBe(expected);
  });

  it('signs with the time in whole seconds and a fresh nonce, and never carries the token', () => {
    const query = signedUdeskQuery('admin@demo.cn', 'tok-123', 1_700_000_000_999);
    expect(query).toMatchObject({ email: 'admin@demo.cn', timestamp: '1700000000', sign_version: 'v2' });
    expect(query.sign).toBe(udeskSign('admin@demo.cn', 'tok-123', '1700000000', query.nonce));
    expect(JSON.stringify(query)).not.toContain('tok-123');
    expect(signedUdeskQuery('admin@demo.cn', 'tok-123').nonce).not.toBe(query.nonce);
  });
});

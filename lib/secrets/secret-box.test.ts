import { randomBytes } from 'node:crypto';
import {
  createKeyring,
  keyIdOfSealed,
  openSecret,
  parseKey,
  resealSecret,
  sealSecret,
  SecretKeyError,
} from './secret-box';
import { keyringFromEnv } from './keyring-from-env';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe('secret box (AES-256-GCM at rest)', () => {
  it('seals without the plaintext in the result and opens it again', () => {
    const keyring = createKeyring(oldKey);
    const sealed = sealSecret(keyring, 'my-secret-value', 'tenant-a:contactsSecret');
    expect(sealed).not.toContain('my-secret-value');
    expect(keyIdOfSealed(sealed)).toBe(keyring.currentKeyId);
    expect(openSecret(keyring, sealed, 'tenant-a:contactsSecret')).toBe('my-secret-value');
  });

  it('gives a different ciphertext each time (random IV)', () => {
    const keyring = createKeyring(oldKey);
    expect(sealSecret(keyring, 'x', 'c')).not.toBe(sealSecret(keyring, 'x', 'c'));
  });

  it('refuses a ciphertext moved to another tenant or field', () => {
    const keyring = createKeyring(oldKey);
    const sealed = sealSecret(keyring, 'value', 'tenant-a:appSecret');
    expect(() => openSecret(keyring, sealed, 'tenant-b:appSecret')).toThrow(SecretKeyError);
  });

  it('refuses a tampered ciphertext', () => {
    const keyring = createKeyring(oldKey);
    const sealed = sealSecret(keyring, 'value', 'c');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => openSecret(keyring, parts.join('.'), 'c')).toThrow(SecretKeyError);
  });

  it('says which key is missing when the sealing key is not configured', () => {
    const sealed = sealSecret(createKeyring(oldKey), 'value', 'c');
    expect(() => openSecret(createKeyring(newKey), sealed, 'c')).toThrow(/SECRETS_PREVIOUS_KEYS/);
  });

  it('re-seals an old secret with the current key, and leaves a current one as it is', () => {
    const sealedOld = sealSecret(createKeyring(oldKey), 'value', 'c');
    const rotating = createKeyring(newKey, [oldKey]);
    const resealed = resealSecret(rotating, sealedOld, 'c');
    expect(keyIdOfSealed(resealed)).toBe(rotating.currentKeyId);
    expect(openSecret(createKeyring(newKey), resealed, 'c')).toBe('value');
    expect(resealSecret(rotating, resealed, 'c')).toBe(resealed);
  });

  it('insists on 32-byte keys and a SECRETS_KEY', () => {
    expect(() => parseKey(Buffer.alloc(16).toString('base64'), 'SECRETS_KEY')).toThrow(/32 bytes/);
    expect(() => keyringFromEnv({})).toThrow(/SECRETS_KEY is required/);
    const keyring = keyringFromEnv({
      SECRETS_KEY: newKey.toString('base64'),
      SECRETS_PREVIOUS_KEYS: ` ${oldKey.toString('base64')} ,`,
    });
    expect(keyring.keys.size).toBe(2);
  });
});

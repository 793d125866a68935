import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest: AES-256-GCM. A sealed secret is one string, `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts), so the id of the key that sealed it travels with it and several keys can be
 * in use at once while a rotation runs. The context (tenant and field) is bound in as associated
 * data: a ciphertext copied into another tenant or another field does not open.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface SecretKeyring {
  /** The key new secrets are sealed with. */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** A key's id: derived from the key itself, so nobody has to name keys and two keys never share one. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Decodes a base64 key and insists on 32 bytes (AES-256). `name` is the variable, for the message. */
export function parseKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretKeyError(`${name} must be base64 of exactly ${KEY_BYTES} bytes (got ${key.length})`);
  }
  return key;
}

export function createKeyring(current: Buffer, previous: Buffer[] = []): SecretKeyring {
  const keys = new Map<string, Buffer>();
  for (const key of previous) keys.set(keyIdOf(key), key);
  keys.set(keyIdOf(current), current);
  return { currentKeyId: keyIdOf(current), keys };
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export function sealSecret(keyring: SecretKeyring, plaintext: string, context: string): string {
  const key = keyring.keys.get(keyring.currentKeyId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, keyring.currentKeyId, ...parts].join('.');
}

/** The id of the key a sealed secret needs; undefined when the value is not a sealed secret at all. */
export function keyIdOfSealed(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}

export function isSealed(value: string): boolean {
  return keyIdOfSealed(value) !== undefined;
}

export function openSecret(keyring: SecretKeyring, sealed: string, context: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || ciphertext === undefined) throw new SecretKeyError('not a sealed secret');
  const key = keyring.keys.get(keyId);
  if (!key) {
    throw new SecretKeyError(
      `secret sealed with key ${keyId}, which is neither SECRETS_KEY nor in SECRETS_PREVIOUS_KEYS`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretKeyError(`secret for ${context} does not open with key ${keyId} (tampered or moved)`);
  }
}

/** Opens with whatever key sealed it and seals again with the current key; unchanged when already current. */
export function resealSecret(keyring: SecretKeyring, sealed: string, context: string): string {
  if (keyIdOfSealed(sealed) === keyring.currentKeyId) return sealed;
  return sealSecret(keyring, openSecret(keyring, sealed, context), context);
}

import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The chat archive's key pair (API.md §15.1): RSA 2048, PKCS#1 PEM, one per publickey_ver. */
export class ArchiveKeyError extends Error {
  override name = 'ArchiveKeyError';
}

const PKCS1_HEADER = '-----BEGIN RSA PRIVATE KEY-----';

/** Checks a private key is what WeCom's archive needs and answers its public key's fingerprint. */
export function inspectArchivePrivateKey(pem: string): { publicKeyFingerprint: string } {
  const text = pem.trim();
  if (!text.startsWith(PKCS1_HEADER)) {
    throw new ArchiveKeyError('私钥须为 PEM 格式的 PKCS#1 私钥（以 -----BEGIN RSA PRIVATE KEY----- 开头）');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw new ArchiveKeyError('私钥内容无法解析，请完整粘贴 PEM 文本');
  }
  if (key.asymmetricKeyType !== 'rsa' || key.asymmetricKeyDetails?.modulusLength !== 2048) {
    throw new ArchiveKeyError('私钥须为 RSA 2048 位');
  }
  return { publicKeyFingerprint: publicKeyFingerprint(createPublicKey(key)) };
}

/** sha256 of the public key's SPKI DER: the same for a private key and the public key WeCom holds. */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

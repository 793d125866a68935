import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import {
  ArchiveKeyError,
  decryptRandomKey,
  inspectArchivePrivateKey,
  publicKeyFingerprint,
} from './archive-key';

function pair(bits: number, type: 'pkcs1' | 'pkcs8') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    privateKeyEncoding: { type, format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { privateKey: privateKey as string, publicKey: publicKey as string };
}

describe('archive private key (I-107)', () => {
  it('accepts PKCS#1 RSA 2048 and fingerprints it like its public key', () => {
    const { privateKey, publicKey } = pair(2048, 'pkcs1');
    expect(inspectArchivePrivateKey(privateKey).publicKeyFingerprint).toBe(publicKeyFingerprint(publicKey));
  });

  it('refuses PKCS#8, other sizes and garbage with a Chinese reason', () => {
    expect(() => inspectArchivePrivateKey(pair(2048, 'pkcs8').privateKey)).toThrow(/PKCS#1/);
    expect(() => inspectArchivePrivateKey(pair(1024, 'pkcs1').privateKey)).toThrow(/2048/);
    expect(() =>
      inspectArchivePrivateKey('-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----'),
    ).toThrow(/无法解析/);
  });
});

describe('decryptRandomKey (PKCS#1 v1.5)', () => {
  it('opens what the matching public key sealed and refuses another key', () => {
    const { privateKey, publicKey } = pair(2048, 'pkcs1');
    const sealed = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from('k'.repeat(32)),
    ).toString('base64');
    expect(decryptRandomKey(privateKey, sealed)).toBe('k'.repeat(32));
    expect(() => decryptRandomKey(pair(2048, 'pkcs1').privateKey, sealed)).toThrow(ArchiveKeyError);
  });
});

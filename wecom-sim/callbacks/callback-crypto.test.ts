import { createDecipheriv } from 'node:crypto';
import * as wecomCrypto from '@wecom/crypto';
import { CallbackCryptoError, decryptMessage, encryptMessage, signMessage } from './callback-crypto';

const ENCODING_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const CORP_ID = 'wwfe0119a8acd133af';

/** The last byte of the raw decrypted block is the PKCS#7 pad length. */
function padByteOf(ciphertext: string): number {
  const key = Buffer.from(`${ENCODING_AES_KEY}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(ciphertext, 'base64'), decipher.final()]);
  return plain[plain.length - 1];
}

describe('callback crypto against the official WXBizMsgCrypt samples', () => {
  // Values from WeCom's official Python sample (sbzhu/weworkapi_python callback/Sample.py).
  const token = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
  const encodingAesKey = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
  const corpId = 'ww1436e0e65a779aee';

  it('verifies and decrypts the URL-verification echostr', () => {
    const echostr =
      'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
    expect(signMessage(token, '1476416373', '47744683', echostr)).toBe(
      '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
    );
    expect(decryptMessage(encodingAesKey, echostr)).toMatchObject({
      message: '1288432023552776189',
      receiveId: corpId,
    });
  });

  it('verifies and decrypts a pushed message', () => {
    const encrypted =
      'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+';
    expect(signMessage(token, '1476422779', '1597212914', encrypted)).toBe(
      '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
    );
    const decrypted = decryptMessage(encodingAesKey, encrypted);
    expect(decrypted.receiveId).toBe(corpId);
    expect(decrypted.message).toContain('<Content>你好</Content>');
  });
});

describe('callback crypto interoperates with @wecom/crypto (the product side)', () => {
  const messages = {
    'an event with Chinese text': '<xml><Name><![CDATA[张三]]></Name></xml>',
    'an empty message': '',
    'a long message': 'x'.repeat(5000),
  };

  it.each(Object.entries(messages))(
    '@wecom/crypto decrypts what the simulator encrypts: %s',
    (_label, message) => {
      const ciphertext = encryptMessage(ENCODING_AES_KEY, message, CORP_ID);
      expect(wecomCrypto.decrypt(ENCODING_AES_KEY, ciphertext)).toMatchObject({ message, id: CORP_ID });
    },
  );

  it.each(Object.entries(messages))(
    'the simulator decrypts what @wecom/crypto encrypts: %s',
    (_label, message) => {
      const ciphertext = wecomCrypto.encrypt(ENCODING_AES_KEY, message, CORP_ID);
      expect(decryptMessage(ENCODING_AES_KEY, ciphertext)).toMatchObject({ message, receiveId: CORP_ID });
    },
  );

  it('pads a block-aligned plaintext with a full 32-byte block, and both sides read it', () => {
    // 16 random + 4 length + 26 message + 18 corpid = 64 bytes: aligned to 32, so the pad is 32 bytes of 32.
    const message = 'm'.repeat(26);
    const ours = encryptMessage(ENCODING_AES_KEY, message, CORP_ID);
    const theirs = wecomCrypto.encrypt(ENCODING_AES_KEY, message, CORP_ID);
    expect(padByteOf(ours)).toBe(32);
    expect(Buffer.from(ours, 'base64')).toHaveLength(96);
    expect(wecomCrypto.decrypt(ENCODING_AES_KEY, ours).message).toBe(message);
    expect(decryptMessage(ENCODING_AES_KEY, theirs).message).toBe(message);
  });

  it('pads to 32-byte blocks, not 16 (a pad byte above 16 occurs)', () => {
    // 16 + 4 + 1 + 18 = 39 bytes → padded to 64 with 25.
    expect(padByteOf(encryptMessage(ENCODING_AES_KEY, 'a', CORP_ID))).toBe(25);
  });

  it('produces the same ciphertext as @wecom/crypto for the same random prefix', () => {
    const random = Buffer.alloc(16, 7);
    expect(encryptMessage(ENCODING_AES_KEY, '<xml/>', CORP_ID, random)).toBe(
      wecomCrypto.encrypt(ENCODING_AES_KEY, '<xml/>', CORP_ID, random),
    );
  });

  it('signs exactly like @wecom/crypto getSignature', () => {
    const ciphertext = encryptMessage(ENCODING_AES_KEY, 'hello', CORP_ID);
    expect(signMessage('SimTestToken2024', '1700000000', '1372623149', ciphertext)).toBe(
      wecomCrypto.getSignature('SimTestToken2024', '1700000000', '1372623149', ciphertext),
    );
  });

  it('refuses an EncodingAESKey that is not 43 alphanumeric characters', () => {
    expect(() => encryptMessage('too-short', 'x', CORP_ID)).toThrow(CallbackCryptoError);
  });

  it('refuses ciphertext that is not whole AES blocks', () => {
    expect(() => decryptMessage(ENCODING_AES_KEY, Buffer.from('abc').toString('base64'))).toThrow(
      CallbackCryptoError,
    );
  });
});

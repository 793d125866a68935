/**
 * WeCom's callback encryption (API.md §13, doc 90968), written from the spec with node:crypto only.
 * The product decrypts with @wecom/crypto; keeping this an independent implementation means a bug shared
 * by both sides cannot hide (callback-crypto.test.ts checks them against each other and the official samples).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** WeCom pads to 32-byte blocks, not AES's 16: the pad byte is 1..32. */
const PAD_BLOCK_SIZE = 32;
const RANDOM_PREFIX_BYTES = 16;
const LENGTH_FIELD_BYTES = 4;
const ENCODING_AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

export class CallbackCryptoError extends Error {
  override name = 'CallbackCryptoError';
}

export interface DecryptedMessage {
  message: string;
  receiveId: string;
  random: Buffer;
}

/** AESKey = base64_decode(EncodingAESKey + "="): 32 bytes; the IV is its first 16 bytes. */
function keyMaterial(encodingAesKey: string): { key: Buffer; iv: Buffer } {
  if (!ENCODING_AES_KEY_PATTERN.test(encodingAesKey)) {
    throw new CallbackCryptoError('EncodingAESKey must be exactly 43 characters from [A-Za-z0-9]');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  return { key, iv: key.subarray(0, 16) };
}

function padTo32(data: Buffer): Buffer {
  const padLength = PAD_BLOCK_SIZE - (data.length % PAD_BLOCK_SIZE);
  return Buffer.concat([data, Buffer.alloc(padLength, padLength)]);
}

function unpad32(data: Buffer): Buffer {
  const padLength = data[data.length - 1];
  if (padLength < 1 || padLength > PAD_BLOCK_SIZE || padLength > data.length) {
    throw new CallbackCryptoError(`invalid padding byte ${padLength}`);
  }
  return data.subarray(0, data.length - padLength);
}

/** msg_encrypt = base64(AES-256-CBC(random16 || uint32be(len) || msg || receiveId, padded to 32)). */
export function encryptMessage(
  encodingAesKey: string,
  message: string,
  receiveId: string,
  random: Buffer = randomBytes(RANDOM_PREFIX_BYTES),
): string {
  if (random.length !== RANDOM_PREFIX_BYTES) throw new CallbackCryptoError('random prefix must be 16 bytes');
  const { key, iv } = keyMaterial(encodingAesKey);
  const messageBytes = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_FIELD_BYTES);
  length.writeUInt32BE(messageBytes.length, 0);
  const plain = padTo32(Buffer.concat([random, length, messageBytes, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export function decryptMessage(encodingAesKey: string, ciphertext: string): DecryptedMessage {
  const { key, iv } = keyMaterial(encodingAesKey);
  const encrypted = Buffer.from(ciphertext, 'base64');
  if (encrypted.length === 0 || encrypted.length % 16 !== 0) {
    throw new CallbackCryptoError('ciphertext is not a whole number of AES blocks');
  }
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  const plain = unpad32(Buffer.concat([decipher.update(encrypted), decipher.final()]));
  const headerBytes = RANDOM_PREFIX_BYTES + LENGTH_FIELD_BYTES;
  if (plain.length < headerBytes) throw new CallbackCryptoError('plaintext shorter than its header');
  const messageLength = plain.readUInt32BE(RANDOM_PREFIX_BYTES);
  if (headerBytes + messageLength > plain.length)
    throw new CallbackCryptoError('message length out of range');
  return {
    random: plain.subarray(0, RANDOM_PREFIX_BYTES),
    message: plain.subarray(headerBytes, headerBytes + messageLength).toString('utf8'),
    receiveId: plain.subarray(headerBytes + messageLength).toString('utf8'),
  };
}

/** msg_signature = hex(sha1(concat(sort([token, timestamp, nonce, ciphertext])))), sorted as byte strings. */
export function signMessage(token: string, timestamp: string, nonce: string, ciphertext: string): string {
  const sorted = [token, timestamp, nonce, ciphertext]
    .map((part) => Buffer.from(part, 'utf8'))
    .sort(Buffer.compare);
  return createHash('sha1').update(Buffer.concat(sorted)).digest('hex');
}

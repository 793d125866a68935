/**
 * How the simulator seals one archived message (API.md §15.2). The RSA step is WeCom's own: a random key of
 * 32 printable bytes, encrypted with the corp's public key under PKCS#1 v1.5, so the product's key-version
 * handling and private-key decryption are exercised for real. The symmetric step is the simulator's own,
 * because the Finance SDK's DecryptData is unpublished: AES-256-CBC with key = the random key, iv = its first
 * 16 bytes, PKCS#7 padding, base64. The product's simulator adapter (lib/wecom/chat-archive) opens it.
 */
import { constants, createCipheriv, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

const PRINTABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface SealedMessage {
  encrypt_random_key: string;
  encrypt_chat_msg: string;
}

export function sealChatMessage(publicKey: KeyObject, plaintext: string): SealedMessage {
  const randomKey = Array.from(randomBytes(32), (b) => PRINTABLE[b % PRINTABLE.length]).join('');
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(randomKey), Buffer.from(randomKey.slice(0, 16)));
  return {
    encrypt_random_key: publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(randomKey),
    ).toString('base64'),
    encrypt_chat_msg: Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64'),
  };
}

/**
 * A corp's 会话内容存档 at the Finance SDK boundary (API.md §15, §18). The admin uploads RSA public keys in the
 * console (each upload is the next publickey_ver); every archived message is sealed with the key current
 * when it was sent: a random key, RSA-encrypted with PKCS#1 v1.5 (as the real protocol does), and the
 * message JSON under AES-256-CBC with that key (the simulator's own codec, §15.2 — the real symmetric
 * layer is unpublished).
 */
import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';

const PRINTABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface ChatData {
  seq: number;
  msgid: string;
  publickey_ver: number;
  encrypt_random_key: string;
  encrypt_chat_msg: string;
}

export class ArchiveNotEnabledError extends Error {
  override name = 'ArchiveNotEnabledError';
}

export class ChatArchive {
  private readonly publicKeys: Array<{ version: number; pem: string }> = [];
  private readonly messages: ChatData[] = [];

  constructor(private readonly nowSeconds: () => number) {}

  /** The console upload: the key becomes current with the next version number. */
  uploadPublicKey(pem: string): number {
    createPublicKey(pem); // refuses anything that is not a public key
    const version = (this.publicKeys.at(-1)?.version ?? 0) + 1;
    this.publicKeys.push({ version, pem });
    return version;
  }

  get currentVersion(): number | undefined {
    return this.publicKeys.at(-1)?.version;
  }

  /** A text message between members/customers, archived under the current public key. */
  archiveText(message: { from: string; tolist: string[]; roomid?: string; content: string }): ChatData {
    const key = this.publicKeys.at(-1);
    if (!key) throw new ArchiveNotEnabledError('no public key uploaded: chat archive is not enabled');
    const seq = (this.messages.at(-1)?.seq ?? 0) + 1;
    const msgid = randomBytes(16).toString('base64');
    const plaintext = JSON.stringify({
      msgid,
      action: 'send',
      from: message.from,
      tolist: message.tolist,
      roomid: message.roomid ?? '',
      msgtime: this.nowSeconds() * 1000,
      msgtype: 'text',
      text: { content: message.content },
    });
    const randomKey = Array.from(randomBytes(32), (b) => PRINTABLE[b % PRINTABLE.length]).join('');
    const cipher = createCipheriv('aes-256-cbc', Buffer.from(randomKey), Buffer.from(randomKey.slice(0, 16)));
    const data: ChatData = {
      seq,
      msgid,
      publickey_ver: key.version,
      encrypt_random_key: publicEncrypt(
        { key: key.pem, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(randomKey),
      ).toString('base64'),
      encrypt_chat_msg: Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64'),
    };
    this.messages.push(data);
    return data;
  }

  /** GetChatData: messages after `seq` (exclusive), at most `limit`. */
  after(seq: number, limit: number): ChatData[] {
    return this.messages.filter((m) => m.seq > seq).slice(0, limit);
  }
}

/**
 * A corp's 会话内容存档 at the Finance SDK boundary (API.md §15, §18). The admin uploads RSA public keys in the
 * console (each upload is the next publickey_ver); every archived message is sealed with the key current
 * when it was archived (archive-codec.ts: WeCom's RSA step, the simulator's own symmetric step). Messages
 * are numbered by seq from 1 without gaps, so GetChatData is a slice.
 */
import { createPublicKey, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { ArchiveConsent } from './archive-consent';
import { ArchiveMedia } from './archive-media';
import { sealChatMessage } from './archive-codec';
import { bodyKeyOf, type ArchivedMsgType, type MessageDraft } from './archived-message';

export interface ChatData {
  seq: number;
  msgid: string;
  publickey_ver: number;
  encrypt_random_key: string;
  encrypt_chat_msg: string;
}

/**
 * Who sent what kind of message where and when, kept in the clear beside the sealed message: the statistics
 * APIs (API.md §10) count single-chat and group messages from it.
 */
export interface MessageFact {
  from: string;
  tolist: string[];
  /** '' for a single chat. */
  roomid: string;
  /** Milliseconds. */
  msgtime: number;
  msgtype: ArchivedMsgType;
}

export class ArchiveNotEnabledError extends Error {
  override name = 'ArchiveNotEnabledError';
}

/** WeCom's msgid look: `<19 digits>_<seconds>`, with `_external` when an external party takes part. */
function newMsgid(msgtimeMs: number, external: boolean): string {
  const digits = `${randomInt(1, 10)}${randomBytes(8).readBigUInt64BE() % 10n ** 18n}`.padEnd(19, '0');
  return `${digits}_${Math.floor(msgtimeMs / 1000)}${external ? '_external' : ''}`;
}

export class ChatArchive {
  private readonly publicKeys: Array<{ version: number; key: KeyObject }> = [];
  private readonly messages: ChatData[] = [];
  private readonly facts: MessageFact[] = [];
  readonly media = new ArchiveMedia();
  readonly consent = new ArchiveConsent();

  constructor(private readonly nowSeconds: () => number) {}

  /** The console upload: the key becomes current with the next version number. */
  uploadPublicKey(pem: string): number {
    const key = createPublicKey(pem); // refuses anything that is not a public key
    const version = (this.publicKeys.at(-1)?.version ?? 0) + 1;
    this.publicKeys.push({ version, key });
    return version;
  }

  get currentVersion(): number | undefined {
    return this.publicKeys.at(-1)?.version;
  }

  get lastSeq(): number {
    return this.messages.length;
  }

  /** Archives one message under the current public key and answers its sealed form. */
  archive(draft: MessageDraft): ChatData {
    const current = this.publicKeys.at(-1);
    if (!current) throw new ArchiveNotEnabledError('no public key uploaded: chat archive is not enabled');
    const msgtime = draft.msgtime ?? this.nowSeconds() * 1000;
    const msgid = newMsgid(msgtime, draft.external ?? false);
    const plaintext = JSON.stringify({
      msgid,
      action: draft.msgtype === 'revoke' ? 'recall' : 'send',
      from: draft.from,
      tolist: draft.tolist,
      roomid: draft.roomid ?? '',
      msgtime,
      msgtype: draft.msgtype,
      [bodyKeyOf(draft.msgtype)]: draft.body,
    });
    const data: ChatData = {
      seq: this.messages.length + 1,
      msgid,
      publickey_ver: current.version,
      ...sealChatMessage(current.key, plaintext),
    };
    this.messages.push(data);
    this.facts.push({
      from: draft.from,
      tolist: [...draft.tolist],
      roomid: draft.roomid ?? '',
      msgtime,
      msgtype: draft.msgtype,
    });
    return data;
  }

  /** A text message between members/customers. */
  archiveText(message: { from: string; tolist: string[]; roomid?: string; content: string }): ChatData {
    return this.archive({
      from: message.from,
      tolist: message.tolist,
      roomid: message.roomid,
      msgtype: 'text',
      body: { content: message.content },
      external: [message.from, ...message.tolist].some((id) => /^w[mo]/.test(id)),
    });
  }

  /** Every archived message's metadata, in seq order. */
  traffic(): readonly MessageFact[] {
    return this.facts;
  }

  /** GetChatData: messages after `seq` (exclusive), at most `limit`. */
  after(seq: number, limit: number): ChatData[] {
    return this.messages.slice(seq, seq + limit);
  }
}

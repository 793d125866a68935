import { businessDay } from '../org/manual-sync-quota';

/**
 * From a decrypted archive message (API.md §15.3) to what the product stores: who took part, which
 * conversation it belongs to, its searchable text and its media. Pure, so every kind is unit-tested.
 */
export interface DecryptedMessage {
  msgid: string;
  action: string;
  from?: string;
  tolist?: string[];
  roomid?: string;
  msgtime?: number;
  msgtype?: string;
  [body: string]: unknown;
}

export interface MediaRef {
  sdkfileid: string;
  md5sum: string;
  size: number;
  /** The stored file's key in GridFS, once downloaded. */
  fileKey?: string;
}

export interface ChatMessageRecord {
  _id: string;
  tenantId: string;
  msgid: string;
  seq: number;
  action: string;
  msgtype: string;
  from: string;
  senderType: 'staff' | 'external';
  tolist: string[];
  roomid: string;
  chatKind: 'internal' | 'external' | 'group';
  conversationId: string;
  staffUserids: string[];
  externalUserids: string[];
  msgtime: Date;
  /** The China day of msgtime (YYYY-MM-DD), for per-day counts. */
  day: string;
  content: string;
  body: Record<string, unknown>;
  media?: MediaRef;
  /** The files inside a `mixed` message, each with its place in `body.item`. */
  itemMedia?: ItemMediaRef[];
}

export interface ItemMediaRef extends MediaRef {
  /** Index of the item in the mixed message's `body.item`. */
  item: number;
}

/** External contacts (wm/wo) and robots (wb) have WeCom-made ids; members have the corp's own userids. */
export const isExternalId = (id: string) => /^w[mob][A-Za-z0-9_-]{16,}$/.test(id);

/** The body's key: external_redpacket's body is `redpacket` (official example). */
const bodyKey = (msgtype: string) => (msgtype === 'external_redpacket' ? 'redpacket' : msgtype);

const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file', 'emotion']);

function parseJson(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The words a keyword search should find in this message. */
function searchableText(msgtype: string, body: Record<string, unknown>): string {
  switch (msgtype) {
    case 'text':
    case 'markdown':
      return str(body.content);
    case 'link':
      return [str(body.title), str(body.description)].filter(Boolean).join(' ');
    case 'file':
      return str(body.filename);
    case 'card':
      return str(body.corpname);
    case 'redpacket':
    case 'external_redpacket':
      return str(body.wish);
    case 'chatrecord':
      return [
        str(body.title),
        ...((body.item as Array<{ content?: unknown }> | undefined) ?? []).map((item) =>
          str(parseJson(item.content).content),
        ),
      ]
        .filter(Boolean)
        .join(' ');
    case 'mixed':
      return ((body.item as Array<{ type?: unknown; content?: unknown }> | undefined) ?? [])
        .filter((item) => item.type === 'text')
        .map((item) => str(parseJson(item.content).content))
        .join(' ');
    default:
      return '';
  }
}

function mediaOf(msgtype: string, body: Record<string, unknown>): MediaRef | undefined {
  if (!MEDIA_TYPES.has(msgtype) || !str(body.sdkfileid)) return undefined;
  const size = Number(body.filesize ?? body.voice_size ?? body.imagesize ?? 0);
  return { sdkfileid: str(body.sdkfileid), md5sum: str(body.md5sum), size: Number.isFinite(size) ? size : 0 };
}

type MixedItem = { type?: unknown; content?: unknown };

/** One item of a mixed message: its type and body (its content is the JSON string of that body, API.md §15.3). */
export function mixedItem(
  body: Record<string, unknown>,
  index: number,
): { type: string; body: Record<string, unknown> } {
  const item = (body.item as MixedItem[] | undefined)?.[index];
  return { type: str(item?.type), body: parseJson(item?.content) };
}

/** A mixed message's media items, each with its place in `body.item`. */
function itemMediaOf(msgtype: string, body: Record<string, unknown>): ItemMediaRef[] | undefined {
  if (msgtype !== 'mixed') return undefined;
  const media = ((body.item as MixedItem[] | undefined) ?? []).flatMap((_, index) => {
    const item = mixedItem(body, index);
    const ref = mediaOf(item.type, item.body);
    return ref ? [{ ...ref, item: index }] : [];
  });
  return media.length > 0 ? media : undefined;
}

/**
 * The stored form of one message, or null for what is not a conversation message (`switch`: a member
 * switching corps, which has no msgtype, sender or receivers).
 */
export function toChatMessageRecord(
  tenantId: string,
  seq: number,
  message: DecryptedMessage,
): ChatMessageRecord | null {
  if (message.action === 'switch' || !message.msgtype || !message.from) return null;
  const msgtype = message.msgtype;
  const body = (message[bodyKey(msgtype)] as Record<string, unknown> | undefined) ?? {};
  const tolist = message.tolist ?? [];
  const roomid = message.roomid ?? '';
  const parties = [...new Set([message.from, ...tolist])];
  const externalUserids = parties.filter(isExternalId);
  const staffUserids = parties.filter((id) => !isExternalId(id));
  const chatKind = roomid ? 'group' : externalUserids.length > 0 ? 'external' : 'internal';
  const conversationId = roomid
    ? `room:${roomid}`
    : `single:${[message.from, tolist[0] ?? ''].sort().join('|')}`;
  return {
    _id: `${tenantId}:${message.msgid}`,
    tenantId,
    msgid: message.msgid,
    seq,
    action: message.action,
    msgtype,
    from: message.from,
    senderType: isExternalId(message.from) ? 'external' : 'staff',
    tolist,
    roomid,
    chatKind,
    conversationId,
    staffUserids,
    externalUserids,
    msgtime: new Date(message.msgtime ?? 0),
    day: businessDay(new Date(message.msgtime ?? 0)),
    content: searchableText(msgtype, body),
    body,
    media: mediaOf(msgtype, body),
    itemMedia: itemMediaOf(msgtype, body),
  };
}

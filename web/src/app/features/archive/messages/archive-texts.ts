import {
  ArchiveConversation,
  ArchiveMessage,
  ArchiveSearchHit,
  ChatConditions,
  HighlightSegment,
} from './archive.models';

/** 消息类型 (R-5.1.1-07); '' = 全部. */
export const MESSAGE_TYPE_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'text', label: '文本' },
  { value: 'image', label: '图片' },
  { value: 'video', label: '视频' },
  { value: 'file', label: '文件' },
  { value: 'link', label: '链接' },
  { value: 'chatrecord', label: '聊天记录' },
] as const;

export const RANGE_OPTIONS = [
  { value: '30d', label: '近30天' },
  { value: '90d', label: '近90天' },
  { value: 'all', label: '全部' },
] as const;

export const CHAT_KIND_OPTIONS = [
  { value: null, label: '全部' },
  { value: 'internal', label: '内部' },
  { value: 'external', label: '外部' },
  { value: 'group', label: '群聊' },
] as const;

/** Placeholders for messages without text of their own. */
const TYPE_PLACEHOLDERS: Record<string, string> = {
  image: '[图片]',
  video: '[视频]',
  voice: '[语音]',
  emotion: '[表情]',
  file: '[文件]',
  revoke: '[撤回了一条消息]',
  card: '[名片]',
  location: '[位置]',
};
const WITH_TEXT = new Set(['text', 'link', 'file', 'chatrecord', 'mixed', 'markdown', 'news', 'weapp']);

/** What a message bubble or a list preview shows: its text, a type placeholder, or [不支持的类型] (R-5.1.1-10). */
export function messageText(message: Pick<ArchiveMessage, 'msgtype' | 'content'>): string {
  if (message.msgtype === 'file' && message.content) return `[文件] ${message.content}`;
  if (WITH_TEXT.has(message.msgtype) && message.content) return message.content;
  return TYPE_PLACEHOLDERS[message.msgtype] ?? '[不支持的类型]';
}

/** Cuts a text around every occurrence of the keyword (case-insensitive), for highlighting in the pane. */
export function keywordSegments(text: string, keyword: string): HighlightSegment[] {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return text ? [{ text, hit: false }] : [];
  const haystack = text.toLowerCase();
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (let found = haystack.indexOf(needle); found >= 0; found = haystack.indexOf(needle, at)) {
    if (found > at) segments.push({ text: text.slice(at, found), hit: false });
    segments.push({ text: text.slice(found, found + needle.length), hit: true });
    at = found + needle.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

/** A Date of the range picker as the API's China day (the admin runs in China time). */
export function dayOf(date: Date | null | undefined): string | null {
  if (!date) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The conversation a search hit opens: the listed one when it is on the page, else one built from the hit. */
export function conversationOfHit(
  hit: ArchiveSearchHit,
  listed: readonly ArchiveConversation[],
): ArchiveConversation {
  return (
    listed.find((c) => c.conversationId === hit.conversationId) ?? {
      conversationId: hit.conversationId,
      chatKind: hit.chatKind,
      peer: hit.peer,
      lastMessageAt: hit.msgtime,
      lastMessage: { msgtype: hit.msgtype, from: hit.from, content: '' },
    }
  );
}

/**
 * Whose chat a search hit is in, by name: 「徐静 与 张三」 for a single chat (the person searched and the other
 * party), 「群聊：华东客户群」 for a group.
 */
export function hitChatLabel(hit: Pick<ArchiveSearchHit, 'peer'>, searchedName: string): string {
  if (hit.peer.kind === 'group') return `群聊：${hit.peer.name}`;
  return searchedName ? `${searchedName} 与 ${hit.peer.name}` : `与 ${hit.peer.name}`;
}

/** 企微会话记录's filter bar (I-52) as the API's conditions; 全部 and empty pickers set nothing. */
export function chatConditionsOf(
  staffUserid: string | null | undefined,
  dateRange: readonly (Date | null)[],
  msgtype: string,
): ChatConditions {
  const [from, to] = dateRange;
  return { staffUserid: staffUserid || null, from: dayOf(from), to: dayOf(to), msgtype };
}

/**
 * Who sent a message of a customer's chat: the customer, the staff member or group member we know by name,
 * else the WeCom id.
 */
export function senderNameIn(
  message: Pick<ArchiveMessage, 'from'>,
  known: {
    customer: { externalUserid: string; name: string };
    staff: readonly { userid: string; name: string }[];
  },
  peer?: ArchiveConversation['peer'],
): string {
  if (message.from === known.customer.externalUserid) return known.customer.name;
  if (peer && peer.kind !== 'group' && peer.id === message.from && peer.name) return peer.name;
  return known.staff.find((member) => member.userid === message.from)?.name ?? message.from;
}

import type { OwnerDayGroupFigures, StaffDayFigures } from '../contracts/analytics.contract';

/** What the rollup reads of an archived message (lib/models/chat-message.model.ts), one China day's. */
export interface DayMessage {
  /** `send`, or `recall`: a recall withdraws a message and is not one itself. */
  action: string;
  senderType: 'staff' | 'external';
  from: string;
  chatKind: 'internal' | 'external' | 'group';
  roomid: string;
  conversationId: string;
  staffUserids: string[];
  msgtime: Date;
  seq: number;
}

/** The single-chat part of StaffDayFigures. */
export type ChatFigures = Pick<StaffDayFigures, 'chatCnt' | 'messageCnt' | 'reply' | 'firstReply'>;

export const emptyChatFigures = (): ChatFigures => ({
  chatCnt: 0,
  messageCnt: 0,
  reply: { numerator: 0, denominator: 0 },
  firstReply: { totalSeconds: 0, count: 0 },
});

interface At {
  ms: number;
  seq: number;
}
const earlier = (a: At, b: At) => a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);

/** One external single chat on the day: its first message, and what the member sent. */
interface ChatDay {
  member: string;
  first: At & { byCustomer: boolean };
  memberFirst: At | null;
  memberMessages: number;
}

/**
 * The manual's single-chat metrics (R-6.1.2-02, API.md §10.1) of one China day, per member, from the day's
 * archived messages in any order (a cursor over {tenantId, day}, which FerretDB cannot sort): each external
 * single chat (one member, one customer; chatKind 'external', no roomid) is a "chat" for that day, and only
 * its first message and the member's first message and count are kept, so memory grows with the chats, not
 * the messages. Order within a chat is (msgtime, seq).
 * - 聊天总数 (chatCnt): the chats in which the member sent at least one message that day.
 * - 发送消息数 (messageCnt): the messages the member sent in them.
 * - A chat is customer-started when its first message of the day is the customer's; it is replied when the
 *   member sent a message later that same natural day (any member message is later, the first being the
 *   customer's). 已回复聊天占比 = replied ÷ customer-started (reply.numerator / reply.denominator).
 * - First-reply time of a replied chat = the member's first message − the customer's first message, in
 *   seconds; 平均首次回复时长 = Σ first-reply seconds ÷ replied chats (firstReply.totalSeconds / count).
 * Recalls are not messages. Chats started by the member count in 聊天总数 but not in the reply ratio.
 */
export function createSingleChatTally() {
  const chats = new Map<string, ChatDay>();
  return {
    add(message: DayMessage): void {
      if (message.action === 'recall' || message.chatKind !== 'external' || message.roomid) return;
      const member = message.senderType === 'staff' ? message.from : message.staffUserids[0];
      if (!member) return;
      const at: At = { ms: message.msgtime.getTime(), seq: message.seq };
      const byCustomer = message.senderType === 'external';
      let chat = chats.get(message.conversationId);
      if (!chat) {
        chat = { member, first: { ...at, byCustomer }, memberFirst: null, memberMessages: 0 };
        chats.set(message.conversationId, chat);
      } else if (earlier(at, chat.first)) chat.first = { ...at, byCustomer };
      if (!byCustomer) {
        chat.memberMessages += 1;
        if (!chat.memberFirst || earlier(at, chat.memberFirst)) chat.memberFirst = at;
      }
    },
    /** Each member's figures (members with a chat that day only). */
    figures(): Map<string, ChatFigures> {
      const byMember = new Map<string, ChatFigures>();
      for (const chat of chats.values()) {
        const figures = byMember.get(chat.member) ?? emptyChatFigures();
        byMember.set(chat.member, figures);
        if (chat.memberMessages > 0) {
          figures.chatCnt += 1;
          figures.messageCnt += chat.memberMessages;
        }
        if (!chat.first.byCustomer) continue;
        figures.reply.denominator += 1;
        if (!chat.memberFirst) continue;
        figures.reply.numerator += 1;
        figures.firstReply.totalSeconds += (chat.memberFirst.ms - chat.first.ms) / 1000;
        figures.firstReply.count += 1;
      }
      return byMember;
    },
  };
}

/** One group's messages of the day: how many, and who sent them. */
export interface GroupDayMessages {
  messages: number;
  senders: Set<string>;
}

/** The day's group messages per roomid (recalls excluded), for the owners' group figures. */
export function createGroupMessageTally() {
  const rooms = new Map<string, GroupDayMessages>();
  return {
    add(message: DayMessage): void {
      if (message.action === 'recall' || message.chatKind !== 'group' || !message.roomid) return;
      const room = rooms.get(message.roomid) ?? { messages: 0, senders: new Set<string>() };
      rooms.set(message.roomid, room);
      room.messages += 1;
      room.senders.add(message.from);
    },
    rooms: (): ReadonlyMap<string, GroupDayMessages> => rooms,
  };
}

/** What the rollup reads of a customer group (lib/models/customer-group.model.ts). */
export interface DayGroup {
  chatId: string;
  ownerUserid: string;
  /** WeCom's create_time; unknown means "before any day we roll up". */
  createdAt?: Date | null;
  dismissedAt?: Date | null;
  members: Array<{ userid: string; joinedAt?: Date | null }>;
}

export const emptyGroupFigures = (): OwnerDayGroupFigures => ({
  chatTotal: 0,
  newChat: 0,
  chatHasMsg: 0,
  memberTotal: 0,
  newMember: 0,
  memberHasMsg: 0,
  msgTotal: 0,
});

/**
 * Each owner's 客户群 figures of one China day [dayStart, dayEnd) (R-6.1.3-02), from the groups as we hold
 * them now (their current owner and members: WeCom tells neither past owners nor members who left, so a
 * re-run of an old day counts today's members who had joined by then):
 * - 群聊总数 (chatTotal): the owner's groups created before the day's end and not dismissed by then.
 * - 群成员总数 (memberTotal): the members (staff and customers) of those groups who had joined by the day's
 *   end (a member without a join time counts from the group's creation).
 * - 新增群聊数 (newChat): the owner's groups created that day.
 * - 新增群成员数 (newMember): members who joined the owner's groups (not dismissed before the day) that day.
 * - 有过消息的群聊数 (chatHasMsg): the owner's groups with at least one message that day (from anyone).
 * - 发过消息的群成员数 (memberHasMsg): each group's distinct senders of those messages, summed over the owner's
 *   groups: someone writing in two of them counts twice, as 群成员总数 counts someone in two groups twice and as
 *   WeCom's member_has_msg counts (so the figure adds up the same over owners as within one).
 * - 群聊消息总数 (msgTotal): those messages.
 * Recalls are not messages. Owners with all figures zero are left out.
 */
export function ownerGroupFigures(
  groups: Iterable<DayGroup>,
  rooms: ReadonlyMap<string, GroupDayMessages>,
  dayStart: Date,
  dayEnd: Date,
): Map<string, OwnerDayGroupFigures> {
  const start = dayStart.getTime();
  const end = dayEnd.getTime();
  const byOwner = new Map<string, OwnerDayGroupFigures>();
  for (const group of groups) {
    const created = group.createdAt?.getTime();
    const dismissed = group.dismissedAt?.getTime();
    if (created !== undefined && created >= end) continue;
    if (dismissed !== undefined && dismissed < start) continue;
    const figures = byOwner.get(group.ownerUserid) ?? emptyGroupFigures();
    byOwner.set(group.ownerUserid, figures);
    const existsAtEnd = dismissed === undefined || dismissed >= end;
    if (existsAtEnd) figures.chatTotal += 1;
    if (created !== undefined && created >= start) figures.newChat += 1;
    for (const member of group.members) {
      const joined = member.joinedAt?.getTime() ?? created;
      if (existsAtEnd && (joined === undefined || joined < end)) figures.memberTotal += 1;
      if (joined !== undefined && joined >= start && joined < end && member.joinedAt) figures.newMember += 1;
    }
    const room = rooms.get(group.chatId);
    if (room && room.messages > 0) {
      figures.chatHasMsg += 1;
      figures.msgTotal += room.messages;
      figures.memberHasMsg += room.senders.size;
    }
  }
  for (const [owner, figures] of byOwner)
    if (Object.values(figures).every((value) => value === 0)) byOwner.delete(owner);
  return byOwner;
}

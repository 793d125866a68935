/**
 * Realistic archived conversations at volume, for demos, tests and benchmarks: the corp's archived members
 * talk with the customers they follow (single chats), inside their customer groups, and among themselves
 * (an internal group and member-to-member chats). Mostly Chinese text, with every other kind of §15.3 in
 * plausible proportions; message times rise steadily over the chosen span and end at the simulator's now.
 * Members talk to customers as salespeople and customers answer as customers (conversation-lines.ts); one
 * text in RISKY_EVERY of those between a member and customers says something a compliance review would flag.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Corp } from '../state/corp';
import type { ArchivedMsgType, MessageDraft } from './archived-message';
import type { ChatArchive } from './chat-archive';
import { lineFor, type Speaker } from './conversation-lines';

export interface GenerateOptions {
  count: number;
  /** The span the messages cover, ending now. */
  days: number;
  /** Only these kinds (default: all, weighted). */
  msgtypes?: ArchivedMsgType[];
}

export class NoConversationError extends Error {
  override name = 'NoConversationError';
}

interface Chat {
  roomid: string;
  members: string[];
  /** The corp's members among `members`; the others are customers. */
  staff: ReadonlySet<string>;
  external: boolean;
  weight: number;
}

/**
 * Counted, not drawn, so that even a small archive has a few (a test's 200 messages hold about three): enough
 * for a demo's review queue without burying the ordinary talk.
 */
const RISKY_EVERY = 40;

const FILE_NAMES = [
  ['产品报价单', 'xlsx'],
  ['服务合同', 'pdf'],
  ['方案介绍', 'pptx'],
  ['售后说明', 'docx'],
] as const;
const LINKS = [
  ['新品发布会报名', '本周六下午两点，欢迎报名参加', 'https://example.com/events/launch'],
  ['会员权益说明', '积分兑换、专属折扣一览', 'https://example.com/vip'],
] as const;

/** The default mix: mostly text. */
const WEIGHTS: Record<ArchivedMsgType, number> = {
  text: 70,
  image: 6,
  voice: 3,
  video: 2,
  file: 3,
  link: 3,
  card: 2,
  redpacket: 1,
  external_redpacket: 1,
  chatrecord: 3,
  mixed: 3,
  revoke: 3,
};

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)];

function weightedPick<T extends string>(weights: ReadonlyMap<T, number>): T {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  let roll = randomInt(total);
  for (const [item, weight] of weights) {
    roll -= weight;
    if (roll < 0) return item;
  }
  throw new Error('empty weights');
}

/** Every chat the archived members take part in; permits the members with customers when none is set. */
function chatsOf(corp: Corp, archive: ChatArchive, nowMs: number): Chat[] {
  if (archive.consent.permittedUsers().length === 0) {
    archive.consent.permit(
      corp.contacts.members
        .all()
        .map((member) => member.userid)
        .filter((userid) => corp.customers.customersOf(userid).length > 0),
    );
  }
  const staff = archive.consent.permittedUsers();
  const archived = new Set(staff);
  const chats: Chat[] = [];
  for (const userid of staff) {
    for (const customer of corp.customers.customersOf(userid)) {
      chats.push({
        roomid: '',
        members: [userid, customer],
        staff: new Set([userid]),
        external: true,
        weight: 6,
      });
    }
  }
  for (const group of corp.groupChats.all()) {
    const members = group.member_list.map((member) => member.userid);
    if (members.some((id) => archived.has(id))) {
      const staff = group.member_list.filter((member) => member.type === 1).map((member) => member.userid);
      chats.push({ roomid: group.chat_id, members, staff: new Set(staff), external: true, weight: 10 });
    }
  }
  for (let i = 0; i + 1 < staff.length && i < 4; i += 1) {
    const members = [staff[i], staff[i + 1]];
    chats.push({ roomid: '', members, staff: new Set(members), external: false, weight: 2 });
  }
  if (staff.length >= 3) {
    const room = archive.consent.allRooms()[0] ?? internalRoom(archive, staff.slice(0, 5), nowMs);
    const members = room.members.map((m) => m.memberid);
    chats.push({ roomid: room.roomid, members, staff: new Set(members), external: false, weight: 3 });
  }
  return chats;
}

function internalRoom(archive: ChatArchive, members: string[], nowMs: number) {
  const now = Math.floor(nowMs / 1000);
  const room = {
    roomid: `wr${randomBytes(12).toString('base64url')}`,
    roomname: '销售部内部群',
    creator: members[0],
    room_create_time: now,
    notice: '内部沟通，请勿外传',
    members: members.map((memberid) => ({ memberid, jointime: now })),
  };
  archive.consent.addRoom(room);
  return room;
}

function mediaBody(archive: ChatArchive, minBytes: number, maxBytes: number) {
  const { sdkfileid, md5sum, size } = archive.media.store(randomBytes(randomInt(minBytes, maxBytes)));
  return { sdkfileid, md5sum, size };
}

function speakerIn(chat: Chat, from: string): Speaker {
  if (!chat.external) return 'colleague';
  return chat.staff.has(from) ? 'staff' : 'customer';
}

/** The body of one message of `msgtype`, its media stored in the archive. */
function bodyFor(
  msgtype: ArchivedMsgType,
  archive: ChatArchive,
  corp: Corp,
  context: { previous: string[]; msgtime: number; speaker: Speaker; risky: boolean },
) {
  switch (msgtype) {
    case 'text':
      return { content: lineFor(context.speaker, pick, context.risky) };
    case 'image': {
      const { sdkfileid, md5sum, size } = mediaBody(archive, 512, 4096);
      return { md5sum, filesize: size, sdkfileid };
    }
    case 'voice': {
      const { sdkfileid, md5sum, size } = mediaBody(archive, 256, 2048);
      return { md5sum, voice_size: size, play_length: randomInt(1, 60), sdkfileid };
    }
    case 'video': {
      const { sdkfileid, md5sum, size } = mediaBody(archive, 1024, 8192);
      return { md5sum, filesize: size, play_length: randomInt(3, 120), sdkfileid };
    }
    case 'file': {
      const [name, ext] = pick(FILE_NAMES);
      const { sdkfileid, md5sum, size } = mediaBody(archive, 512, 4096);
      return { md5sum, filename: `${name}.${ext}`, fileext: ext, filesize: size, sdkfileid };
    }
    case 'link': {
      const [title, description, url] = pick(LINKS);
      return { title, description, link_url: url, image_url: `${url}/cover.png` };
    }
    case 'card':
      return { corpname: corp.identity.name, userid: pick(corp.contacts.members.all()).userid };
    case 'redpacket':
    case 'external_redpacket': {
      const totalcnt = randomInt(1, 10);
      return {
        type: totalcnt > 1 ? 2 : 1,
        wish: '恭喜发财，大吉大利',
        totalcnt,
        totalamount: totalcnt * 888,
      };
    }
    case 'chatrecord': {
      // A forwarded exchange: a customer's question, then the answer a few minutes later.
      const asked = Math.floor(context.msgtime / 1000) - randomInt(3_600, 86_400);
      return {
        title: '群聊的聊天记录',
        item: (['customer', 'staff'] as const).map((speaker, n) => ({
          type: 'ChatRecordText',
          msgtime: asked + n * randomInt(30, 600),
          content: JSON.stringify({ content: lineFor(speaker, pick) }),
          from_chatroom: true,
        })),
      };
    }
    case 'mixed': {
      const { sdkfileid, md5sum, size } = mediaBody(archive, 512, 2048);
      return {
        item: [
          { type: 'text', content: JSON.stringify({ content: lineFor(context.speaker, pick) }) },
          { type: 'image', content: JSON.stringify({ md5sum, filesize: size, sdkfileid }) },
        ],
      };
    }
    case 'revoke':
      return { pre_msgid: context.previous.length > 0 ? pick(context.previous) : '' };
  }
}

/** Archives `count` messages and answers the seq range they took. */
export function generateConversations(
  corp: Corp,
  nowMs: number,
  options: GenerateOptions,
): { firstSeq: number; lastSeq: number } {
  const archive = corp.archive;
  const chats = chatsOf(corp, archive, nowMs);
  if (chats.length === 0) {
    throw new NoConversationError('no archived member has customers, groups or colleagues to talk to');
  }
  const chatWeights = new Map(chats.map((chat, index) => [String(index), chat.weight]));
  const typeWeights = new Map(
    (options.msgtypes ?? (Object.keys(WEIGHTS) as ArchivedMsgType[])).map((type) => [type, WEIGHTS[type]]),
  );
  const sentBy = new Map<Chat, string[]>();
  const step = Math.max(1, Math.floor((options.days * 86_400_000) / options.count));
  const start = nowMs - step * options.count;
  const firstSeq = archive.lastSeq + 1;
  let textsWithCustomers = 0;
  for (let i = 0; i < options.count; i += 1) {
    const chat = chats[Number(weightedPick(chatWeights))];
    const from = pick(chat.members);
    const speaker = speakerIn(chat, from);
    let msgtype = weightedPick(typeWeights);
    // 对外红包 goes from a member to customers; 红包 stays among colleagues.
    if (msgtype === 'external_redpacket' && speaker !== 'staff') msgtype = 'redpacket';
    if (msgtype === 'redpacket' && speaker === 'staff') msgtype = 'external_redpacket';
    const textWithCustomers = msgtype === 'text' && speaker !== 'colleague';
    if (textWithCustomers) textsWithCustomers += 1;
    const risky = textWithCustomers && textsWithCustomers % RISKY_EVERY === 0;
    const previous = sentBy.get(chat) ?? [];
    const msgtime = start + i * step + randomInt(step);
    const draft: MessageDraft = {
      from,
      tolist: chat.members.filter((member) => member !== from),
      roomid: chat.roomid,
      msgtime,
      msgtype,
      body: bodyFor(msgtype, archive, corp, { previous, msgtime, speaker, risky }),
      external: chat.external,
    };
    const { msgid } = archive.archive(draft);
    if (previous.length < 20) sentBy.set(chat, [...previous, msgid]);
  }
  return { firstSeq, lastSeq: archive.lastSeq };
}

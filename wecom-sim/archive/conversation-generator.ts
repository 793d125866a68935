/**
 * Realistic archived conversations at volume, for demos, tests and benchmarks: the corp's archived members
 * talk with the customers they follow (single chats), inside their customer groups, and among themselves
 * (an internal group and member-to-member chats). Mostly Chinese text, with every other kind of §15.3 in
 * plausible proportions; message times rise steadily over the chosen span and end at the simulator's now.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Corp } from '../state/corp';
import type { ArchivedMsgType, MessageDraft } from './archived-message';
import type { ChatArchive } from './chat-archive';

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
  external: boolean;
  weight: number;
}

const PHRASES = [
  '您好，我是您的专属顾问，有什么可以帮您的吗？',
  '请问这款产品现在有优惠活动吗？',
  '有的，本周下单可以享受九折优惠。',
  '好的，我考虑一下，明天给您答复。',
  '合同我已经发到您的邮箱了，请查收。',
  '发货时间大概是什么时候？',
  '今天下午三点前下单，当天就能发货。',
  '价格方面还能再商量吗？',
  '麻烦把报价单再发我一份，谢谢。',
  '收到，我这边马上安排。',
  '周四下午方便视频沟通一下方案吗？',
  '没问题，到时候我把会议链接发给您。',
  '上次的售后问题已经处理好了吗？',
  '已经处理好了，感谢您的耐心等待！',
  '我们公司需要采购一批设备，数量大概两百台。',
  '批量采购可以申请专属折扣，我帮您问一下经理。',
  '发票抬头写我们公司全称就可以。',
  '好的，请问需要开增值税专用发票吗？',
  '这个功能能不能定制？',
  '可以的，我们的技术同事会和您详细对接需求。',
  '大家好，本周六有新品发布会，欢迎参加！',
  '请问会员积分怎么兑换？',
  '在小程序里点“我的积分”就可以兑换礼品。',
  '辛苦了，祝您工作顺利！',
  '明白了，谢谢您的解答。',
  '我把产品手册发到群里了，大家可以看看。',
  '物流单号是多少？我查一下。',
  '下个月续约的话还有额外赠送吗？',
  '老客户续约赠送三个月服务期。',
  '好的，那我们就按这个方案执行吧。',
];
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
      chats.push({ roomid: '', members: [userid, customer], external: true, weight: 6 });
    }
  }
  for (const group of corp.groupChats.all()) {
    const members = group.member_list.map((member) => member.userid);
    if (members.some((id) => archived.has(id))) {
      chats.push({ roomid: group.chat_id, members, external: true, weight: 10 });
    }
  }
  for (let i = 0; i + 1 < staff.length && i < 4; i += 1) {
    chats.push({ roomid: '', members: [staff[i], staff[i + 1]], external: false, weight: 2 });
  }
  if (staff.length >= 3) {
    const room = archive.consent.allRooms()[0] ?? internalRoom(archive, staff.slice(0, 5), nowMs);
    chats.push({
      roomid: room.roomid,
      members: room.members.map((m) => m.memberid),
      external: false,
      weight: 3,
    });
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

/** The body of one message of `msgtype`, its media stored in the archive. */
function bodyFor(
  msgtype: ArchivedMsgType,
  archive: ChatArchive,
  corp: Corp,
  context: { previous: string[]; msgtime: number },
) {
  switch (msgtype) {
    case 'text':
      return { content: pick(PHRASES) };
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
    case 'chatrecord':
      return {
        title: '群聊的聊天记录',
        item: [0, 1].map(() => ({
          type: 'ChatRecordText',
          msgtime: Math.floor(context.msgtime / 1000) - randomInt(60, 86_400),
          content: JSON.stringify({ content: pick(PHRASES) }),
          from_chatroom: true,
        })),
      };
    case 'mixed': {
      const { sdkfileid, md5sum, size } = mediaBody(archive, 512, 2048);
      return {
        item: [
          { type: 'text', content: JSON.stringify({ content: pick(PHRASES) }) },
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
  const staff = new Set(archive.consent.permittedUsers());
  const sentBy = new Map<Chat, string[]>();
  const step = Math.max(1, Math.floor((options.days * 86_400_000) / options.count));
  const start = nowMs - step * options.count;
  const firstSeq = archive.lastSeq + 1;
  for (let i = 0; i < options.count; i += 1) {
    const chat = chats[Number(weightedPick(chatWeights))];
    const from = pick(chat.members);
    let msgtype = weightedPick(typeWeights);
    // 对外红包 goes from a member to customers; 红包 stays among colleagues.
    if (msgtype === 'external_redpacket' && (!chat.external || !staff.has(from))) msgtype = 'redpacket';
    if (msgtype === 'redpacket' && chat.external && staff.has(from)) msgtype = 'external_redpacket';
    const previous = sentBy.get(chat) ?? [];
    const msgtime = start + i * step + randomInt(step);
    const draft: MessageDraft = {
      from,
      tolist: chat.members.filter((member) => member !== from),
      roomid: chat.roomid,
      msgtime,
      msgtype,
      body: bodyFor(msgtype, archive, corp, { previous, msgtime }),
      external: chat.external,
    };
    const { msgid } = archive.archive(draft);
    if (previous.length < 20) sentBy.set(chat, [...previous, msgid]);
  }
  return { firstSeq, lastSeq: archive.lastSeq };
}

/**
 * A corp's customer groups (客户群, API.md §8): owner, members with how they joined, admins, and the
 * member_version hash that callbacks quote as LastMemVer/CurMemVer.
 */
import { createHash } from 'node:crypto';
import { WecomError } from '../wecom-error';

/** 1 invited directly, 2 invited via link, 3 scanned the group QR code. */
export type JoinScene = 1 | 2 | 3;

export interface GroupMember {
  /** A member's userid (type 1) or a customer's external_userid (type 2). */
  userid: string;
  type: 1 | 2;
  join_time: number;
  join_scene: JoinScene;
  invitor?: { userid: string };
  group_nickname: string;
  name: string;
  state?: string;
}

/** 0 normal, 1 owner resigned, 2 inheriting, 3 inherited. */
export type GroupStatus = 0 | 1 | 2 | 3;

export interface GroupChat {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice: string;
  member_list: GroupMember[];
  admin_list: Array<{ userid: string }>;
  status: GroupStatus;
}

export interface MemberChange {
  chat: GroupChat;
  lastMemVer: string;
  curMemVer: string;
  changed: string[];
}

/**
 * What happened to the corp's customer groups and when (seconds), kept after members leave and groups are
 * dismissed: the group statistics (groupchat/statistic, API.md §10.2) replay it to know, for any past day,
 * which groups an owner had and who was in them.
 */
export type GroupEvent =
  | { kind: 'created'; chat_id: string; owner: string; at: number }
  | { kind: 'joined'; chat_id: string; userid: string; at: number }
  | { kind: 'left'; chat_id: string; userid: string; at: number }
  | { kind: 'owner_changed'; chat_id: string; owner: string; at: number }
  | { kind: 'dismissed'; chat_id: string; at: number };

/** A group holds at most 500 people (WeCom's limit for customer groups). */
export const GROUP_MEMBER_LIMIT = 500;

export function memberVersion(chat: Pick<GroupChat, 'member_list'>): string {
  const ids = chat.member_list.map((member) => member.userid).sort();
  return createHash('md5').update(ids.join(',')).digest('hex');
}

export class GroupChats {
  private readonly chats = new Map<string, GroupChat>();
  private readonly history: GroupEvent[] = [];

  constructor(private readonly nowSeconds: () => number) {}

  get size(): number {
    return this.chats.size;
  }

  get(chatId: string | undefined): GroupChat {
    if (!chatId) throw new WecomError(40058, 'chat_id is required');
    const chat = this.chats.get(chatId);
    if (!chat) throw new WecomError(40058, `chat_id ${chatId} is not a customer group`);
    return copyChat(chat);
  }

  /** Oldest first, the order groupchat/list pages through. */
  all(): GroupChat[] {
    return [...this.chats.values()].map(copyChat);
  }

  /** Every change so far, in the order they were recorded (not necessarily by time). */
  groupHistory(): readonly GroupEvent[] {
    return this.history;
  }

  create(chat: GroupChat): GroupChat {
    if (this.chats.has(chat.chat_id)) throw new WecomError(40058, `chat_id ${chat.chat_id} exists`);
    if (!chat.member_list.some((member) => member.userid === chat.owner)) {
      throw new WecomError(40058, 'the owner must be a member of the group');
    }
    // 群管理员 are colleagues the owner picked among the group's corp members.
    for (const { userid } of chat.admin_list) {
      const member = chat.member_list.find((m) => m.userid === userid);
      if (!member || member.type !== 1 || userid === chat.owner)
        throw new WecomError(
          40058,
          `admin ${userid} must be a corp member of the group other than the owner`,
        );
    }
    this.chats.set(chat.chat_id, copyChat(chat));
    this.history.push({ kind: 'created', chat_id: chat.chat_id, owner: chat.owner, at: chat.create_time });
    for (const member of chat.member_list) this.recordJoin(chat.chat_id, member);
    return this.get(chat.chat_id);
  }

  addMembers(chatId: string, members: GroupMember[]): MemberChange {
    const chat = this.mutable(chatId);
    const lastMemVer = memberVersion(chat);
    const fresh = members.filter((m) => !chat.member_list.some((existing) => existing.userid === m.userid));
    if (chat.member_list.length + fresh.length > GROUP_MEMBER_LIMIT) {
      throw new WecomError(40058, `a customer group holds at most ${GROUP_MEMBER_LIMIT} people`);
    }
    for (const member of fresh) {
      if (member.join_time < chat.create_time)
        throw new WecomError(40058, `${member.userid} cannot join before the group was created`);
    }
    chat.member_list.push(...fresh.map((member) => ({ ...member })));
    for (const member of fresh) this.recordJoin(chatId, member);
    return {
      chat: copyChat(chat),
      lastMemVer,
      curMemVer: memberVersion(chat),
      changed: fresh.map((m) => m.userid),
    };
  }

  /** `at`: seconds, now when left out. */
  removeMembers(chatId: string, userids: string[], at = this.nowSeconds()): MemberChange {
    const chat = this.mutable(chatId);
    if (userids.includes(chat.owner))
      throw new WecomError(40058, 'the owner cannot leave; change the owner first');
    const lastMemVer = memberVersion(chat);
    const leaving = new Set(userids.filter((id) => chat.member_list.some((m) => m.userid === id)));
    for (const member of chat.member_list) {
      if (leaving.has(member.userid) && member.join_time > at)
        throw new WecomError(40058, `${member.userid} joined at ${member.join_time}, after ${at}`);
    }
    chat.member_list = chat.member_list.filter((member) => !leaving.has(member.userid));
    chat.admin_list = chat.admin_list.filter((admin) => !leaving.has(admin.userid));
    for (const userid of leaving) this.history.push({ kind: 'left', chat_id: chatId, userid, at });
    return { chat: copyChat(chat), lastMemVer, curMemVer: memberVersion(chat), changed: [...leaving] };
  }

  /** The new owner must be a corp member already in the group. `at`: seconds, now when left out. */
  changeOwner(chatId: string, owner: string, at = this.nowSeconds()): GroupChat {
    const chat = this.mutable(chatId);
    this.assertAfterCreation(chat, at);
    if (chat.owner === owner) throw new WecomError(90504, `${owner} already owns ${chatId}`);
    if (!chat.member_list.some((member) => member.userid === owner && member.type === 1)) {
      throw new WecomError(40058, 'the new owner must be a corp member in the group');
    }
    chat.owner = owner;
    // The owner is not also an admin.
    chat.admin_list = chat.admin_list.filter((admin) => admin.userid !== owner);
    chat.status = 0;
    this.history.push({ kind: 'owner_changed', chat_id: chatId, owner, at });
    return copyChat(chat);
  }

  /** The owner left the corp: their groups wait for a successor (status 1) with the owner unchanged. */
  markOwnerResigned(owner: string): string[] {
    const owned = [...this.chats.values()].filter((chat) => chat.owner.toLowerCase() === owner.toLowerCase());
    for (const chat of owned) chat.status = 1;
    return owned.map((chat) => chat.chat_id);
  }

  /**
   * 群继承 (groupchat/transfer, onjob_transfer): the new owner joins the group if not in it yet and takes it
   * over; `status` is what groupchat/list shows afterwards (3 inherited for a resigned owner's group).
   */
  handOver(
    chatId: string,
    newOwner: { userid: string; name: string },
    status: GroupStatus,
    at = this.nowSeconds(),
  ): GroupChat {
    const chat = this.mutable(chatId);
    if (!chat.member_list.some((member) => member.userid === newOwner.userid)) {
      const joined: GroupMember = { ...newOwner, type: 1, join_time: at, join_scene: 1, group_nickname: '' };
      chat.member_list.push(joined);
      this.recordJoin(chatId, joined);
    }
    this.changeOwner(chatId, newOwner.userid, at);
    chat.status = status;
    return copyChat(chat);
  }

  rename(chatId: string, name: string): GroupChat {
    const chat = this.mutable(chatId);
    chat.name = name;
    return copyChat(chat);
  }

  changeNotice(chatId: string, notice: string): GroupChat {
    const chat = this.mutable(chatId);
    chat.notice = notice;
    return copyChat(chat);
  }

  /** `at`: seconds, now when left out. */
  dismiss(chatId: string, at = this.nowSeconds()): GroupChat {
    const chat = this.get(chatId);
    this.assertAfterCreation(chat, at);
    this.chats.delete(chatId);
    this.history.push({ kind: 'dismissed', chat_id: chatId, at });
    return chat;
  }

  private recordJoin(chatId: string, member: GroupMember): void {
    this.history.push({ kind: 'joined', chat_id: chatId, userid: member.userid, at: member.join_time });
  }

  private assertAfterCreation(chat: GroupChat, at: number): void {
    if (at < chat.create_time) throw new WecomError(40058, `${chat.chat_id} was created after ${at}`);
  }

  private mutable(chatId: string): GroupChat {
    this.get(chatId);
    return this.chats.get(chatId)!;
  }
}

function copyChat(chat: GroupChat): GroupChat {
  return structuredClone(chat);
}

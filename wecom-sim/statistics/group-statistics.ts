/**
 * groupchat/statistic's and statistic_group_by_day's figures (API.md §10.2), derived from what the simulator
 * itself recorded so that they agree with the callbacks and archive messages it sent: the customer groups'
 * history (created, joined, left, owner changed, dismissed, with their times) replayed day by day, and the
 * chat archive's messages in those groups. The definitions are restated in wecom-sim/README.md.
 */
import type { GroupEvent } from '../customers/group-chats';
import type { Corp } from '../state/corp';
import { chinaDayStart, DAY_SECONDS, daysFrom } from './china-days';

/** groupchat/statistic's `data`. */
export interface GroupChatData {
  new_chat_cnt: number;
  chat_total: number;
  chat_has_msg: number;
  new_member_cnt: number;
  member_total: number;
  member_has_msg: number;
  msg_total: number;
  /** Education corps only; always 0 here. */
  migrate_trainee_chat_cnt: number;
}

/** One owner's day: the counts, and the sets behind the two has_msg figures (a range counts each once). */
export interface OwnerDay {
  newChats: number;
  chatTotal: number;
  newMembers: number;
  memberTotal: number;
  msgTotal: number;
  chatsWithMessages: Set<string>;
  /** `chat_id sender`: a person counts once per group they spoke in, as 群成员 are counted per group. */
  speakers: Set<string>;
}

interface LiveGroup {
  owner: string;
  members: Set<string>;
}

function apply(groups: Map<string, LiveGroup>, event: GroupEvent): void {
  const group = groups.get(event.chat_id);
  switch (event.kind) {
    case 'created':
      groups.set(event.chat_id, { owner: event.owner, members: new Set() });
      break;
    case 'joined':
      group?.members.add(event.userid);
      break;
    case 'left':
      group?.members.delete(event.userid);
      break;
    case 'owner_changed':
      if (group) group.owner = event.owner;
      break;
    case 'dismissed':
      groups.delete(event.chat_id);
      break;
  }
}

/**
 * For each day from `firstDay` to `lastDay` (00:00 China time, seconds): the figures of each owner in
 * `owners` (case-insensitive) who had a group at the end of that day, keyed by the owner's userid.
 */
export function ownerDays(
  corp: Corp,
  owners: readonly string[],
  firstDay: number,
  lastDay: number,
): Array<{ statTime: number; owners: Map<string, OwnerDay> }> {
  const selected = new Set(owners.map((owner) => owner.toLowerCase()));
  // Recorded in the order things were done; a scenario may date them in the past, so replay by time.
  const events = [...corp.groupChats.groupHistory()].sort((a, b) => a.at - b.at);
  const end = lastDay + DAY_SECONDS;
  const messagesByDay = new Map<number, Array<{ roomid: string; from: string }>>();
  for (const message of corp.archive.traffic()) {
    const at = Math.floor(message.msgtime / 1000);
    if (message.roomid === '' || message.msgtype === 'revoke' || at < firstDay || at >= end) continue;
    const day = chinaDayStart(at);
    const list = messagesByDay.get(day) ?? [];
    list.push({ roomid: message.roomid, from: message.from });
    messagesByDay.set(day, list);
  }

  const groups = new Map<string, LiveGroup>();
  let next = 0;
  while (next < events.length && events[next].at < firstDay) apply(groups, events[next++]);

  return daysFrom(firstDay, lastDay).map((statTime) => {
    const created = new Set<string>();
    const joins = new Map<string, number>();
    while (next < events.length && events[next].at < statTime + DAY_SECONDS) {
      const event = events[next++];
      if (event.kind === 'created') created.add(event.chat_id);
      if (event.kind === 'joined') joins.set(event.chat_id, (joins.get(event.chat_id) ?? 0) + 1);
      apply(groups, event);
    }
    const days = new Map<string, OwnerDay>();
    const ownerDayOf = (chatId: string): OwnerDay | undefined => {
      const group = groups.get(chatId);
      if (!group || !selected.has(group.owner.toLowerCase())) return undefined;
      let day = days.get(group.owner);
      if (!day) {
        day = {
          newChats: 0,
          chatTotal: 0,
          newMembers: 0,
          memberTotal: 0,
          msgTotal: 0,
          chatsWithMessages: new Set(),
          speakers: new Set(),
        };
        days.set(group.owner, day);
      }
      return day;
    };
    for (const [chatId, group] of groups) {
      const day = ownerDayOf(chatId);
      if (!day) continue;
      day.chatTotal += 1;
      day.memberTotal += group.members.size;
      if (created.has(chatId)) day.newChats += 1;
      day.newMembers += joins.get(chatId) ?? 0;
    }
    for (const message of messagesByDay.get(statTime) ?? []) {
      const day = ownerDayOf(message.roomid);
      if (!day) continue;
      day.msgTotal += 1;
      day.chatsWithMessages.add(message.roomid);
      day.speakers.add(`${message.roomid} ${message.from}`);
    }
    return { statTime, owners: days };
  });
}

/** The `data` of one day or of a range of days (oldest first): totals at the end of the last day. */
export function groupChatData(days: ReadonlyArray<OwnerDay | undefined>): GroupChatData {
  const present = days.filter((day): day is OwnerDay => day !== undefined);
  const last = days.at(-1);
  const sum = (field: 'newChats' | 'newMembers' | 'msgTotal') =>
    present.reduce((total, day) => total + day[field], 0);
  return {
    new_chat_cnt: sum('newChats'),
    chat_total: last?.chatTotal ?? 0,
    chat_has_msg: new Set(present.flatMap((day) => [...day.chatsWithMessages])).size,
    new_member_cnt: sum('newMembers'),
    member_total: last?.memberTotal ?? 0,
    member_has_msg: new Set(present.flatMap((day) => [...day.speakers])).size,
    msg_total: sum('msgTotal'),
    migrate_trainee_chat_cnt: 0,
  };
}

/** Several owners' `data` of the same day added up (their groups, and so their speakers, are distinct). */
export function sumGroupChatData(list: readonly GroupChatData[]): GroupChatData {
  const total: GroupChatData = {
    new_chat_cnt: 0,
    chat_total: 0,
    chat_has_msg: 0,
    new_member_cnt: 0,
    member_total: 0,
    member_has_msg: 0,
    msg_total: 0,
    migrate_trainee_chat_cnt: 0,
  };
  for (const data of list) {
    for (const field of Object.keys(total) as Array<keyof GroupChatData>) total[field] += data[field];
  }
  return total;
}

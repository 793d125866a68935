/**
 * get_user_behavior_data's daily figures (API.md §10.1), derived from what the simulator itself recorded so
 * that they agree with the callbacks and archive messages it sent: the relation history of the customer book
 * (adds, half adds, deletions, with their times) and the chat archive's single chats. The definitions are
 * the manual's (PRODUCT.md R-6.1.2-02, R-6.2-03) and are restated in wecom-sim/README.md.
 */
import type { Corp } from '../state/corp';
import { chinaDayStart, DAY_SECONDS, daysFrom } from './china-days';

/** One entry of behavior_data; the two reply fields only on days with customer-started chats. */
export interface BehaviorDay {
  stat_time: number;
  new_apply_cnt: number;
  new_contact_cnt: number;
  chat_cnt: number;
  message_cnt: number;
  /** Percent, two decimals. */
  reply_percentage?: number;
  /** Whole minutes. */
  avg_reply_time?: number;
  negative_feedback_cnt: number;
}

/** One member's single chat with one customer on one day, as far as the statistics care. */
interface ConversationDay {
  /** The day's first message, by either side. */
  firstMs: number;
  startedByCustomer: boolean;
  /** Messages the member sent that day, and when the first of them went out. */
  memberMessages: number;
  memberFirstMs?: number;
}

interface DayTally {
  newApply: number;
  newContact: number;
  negativeFeedback: number;
  conversations: Map<string, ConversationDay>;
}

/**
 * The figures of `userids` (members, summed into one series) for every day from `firstDay` to `lastDay`
 * (00:00 China time, seconds).
 */
export function userBehaviorData(
  corp: Corp,
  userids: readonly string[],
  firstDay: number,
  lastDay: number,
): BehaviorDay[] {
  const days = daysFrom(firstDay, lastDay);
  const tallies = days.map((): DayTally => ({
    newApply: 0,
    newContact: 0,
    negativeFeedback: 0,
    conversations: new Map(),
  }));
  const end = lastDay + DAY_SECONDS;
  const tallyAt = (seconds: number): DayTally | undefined =>
    seconds >= firstDay && seconds < end
      ? tallies[(chinaDayStart(seconds) - firstDay) / DAY_SECONDS]
      : undefined;
  // Member userids are case-insensitive in WeCom; archive messages carry whatever the sender's client wrote.
  const selected = new Set(userids.map((userid) => userid.toLowerCase()));

  for (const event of corp.customers.relationHistory()) {
    if (!selected.has(event.userid.toLowerCase())) continue;
    const tally = tallyAt(event.at);
    if (!tally) continue;
    if (event.kind === 'half_added') tally.newApply += 1;
    else if (event.kind === 'added') tally.newContact += 1;
    else if (event.kind === 'deleted_by_customer') tally.negativeFeedback += 1;
  }

  const singleChats = corp.archive
    .traffic()
    .filter(
      (message) =>
        message.roomid === '' &&
        message.tolist.length === 1 &&
        message.msgtype !== 'revoke' &&
        tallyAt(Math.floor(message.msgtime / 1000)) !== undefined,
    )
    // A message may be archived with any msgtime: "first" is by time, not by seq.
    .sort((a, b) => a.msgtime - b.msgtime);
  for (const message of singleChats) {
    const [to] = message.tolist;
    const byMember = selected.has(message.from.toLowerCase()) && corp.customers.has(to);
    const byCustomer = selected.has(to.toLowerCase()) && corp.customers.has(message.from);
    if (!byMember && !byCustomer) continue;
    const member = (byMember ? message.from : to).toLowerCase();
    const customer = byMember ? to : message.from;
    const tally = tallyAt(Math.floor(message.msgtime / 1000))!;
    const key = `${member}\u0000${customer}`;
    let conversation = tally.conversations.get(key);
    if (!conversation) {
      conversation = { firstMs: message.msgtime, startedByCustomer: byCustomer, memberMessages: 0 };
      tally.conversations.set(key, conversation);
    }
    if (byMember) {
      conversation.memberMessages += 1;
      conversation.memberFirstMs ??= message.msgtime;
    }
  }

  return days.map((statTime, i) => {
    const tally = tallies[i];
    const conversations = [...tally.conversations.values()];
    const started = conversations.filter((c) => c.startedByCustomer);
    const replied = started.filter((c) => c.memberFirstMs !== undefined);
    const replyMs = replied.reduce((sum, c) => sum + (c.memberFirstMs! - c.firstMs), 0);
    return {
      stat_time: statTime,
      new_apply_cnt: tally.newApply,
      new_contact_cnt: tally.newContact,
      chat_cnt: conversations.filter((c) => c.memberMessages > 0).length,
      message_cnt: conversations.reduce((sum, c) => sum + c.memberMessages, 0),
      ...(started.length > 0
        ? {
            reply_percentage: Math.round((replied.length / started.length) * 10_000) / 100,
            avg_reply_time: replied.length > 0 ? Math.round(replyMs / replied.length / 60_000) : 0,
          }
        : {}),
      negative_feedback_cnt: tally.negativeFeedback,
    };
  });
}

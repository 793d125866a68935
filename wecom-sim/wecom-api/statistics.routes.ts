/**
 * /cgi-bin/externalcontact/* statistics (API.md §10): get_user_behavior_data (联系客户统计) and
 * groupchat/statistic, groupchat/statistic_group_by_day (群聊统计), with WeCom's windows and limits. Callable
 * with the 客户联系 secret or the self-built app's, as the other customer APIs. The figures come from the
 * simulator's own history and archive (statistics/), so they agree with what it sent.
 */
import { z } from 'zod';
import { memberStatus } from '../contacts/member-roster';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import { chinaDayStart, DAY_SECONDS } from '../statistics/china-days';
import { userBehaviorData } from '../statistics/contact-statistics';
import {
  groupChatData,
  ownerDays,
  sumGroupChatData,
  type GroupChatData,
} from '../statistics/group-statistics';
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

const STATISTICS_APIS: readonly SecretKind[] = ['externalContact', 'app'];

/** At most this many userids, and as many partyids, per call. */
const IDS_MAX = 100;
/** end_time − start_time at most 30 days (the doc's maximum span). */
const BEHAVIOR_SPAN_DAYS = 30;
/** Data is kept for the last 180 days. */
const HISTORY_DAYS = 180;
/**
 * A time above this is milliseconds (it would be after the year 2286 in seconds): WeCom's 600018 for
 * get_user_behavior_data (API.md §2).
 */
const LATEST_SECONDS = 9_999_999_999;
const GROUP_LIMIT = { default: 500, max: 1000 };

const behaviorSchema = z.object({
  userid: z.array(z.string()).optional(),
  partyid: z.array(z.number().int()).optional(),
  start_time: z.number().int().nonnegative(),
  end_time: z.number().int().nonnegative(),
});

const ownerFilterSchema = z.object({ userid_list: z.array(z.string()) });

const groupByDaySchema = z.object({
  day_begin_time: z.number().int().nonnegative(),
  day_end_time: z.number().int().nonnegative().optional(),
  owner_filter: ownerFilterSchema,
});

const groupByOwnerSchema = groupByDaySchema.extend({
  order_by: z.number().int().optional(),
  order_asc: z.number().int().optional(),
  offset: z.number().int().optional(),
  limit: z.number().int().optional(),
});

/** order_by → the figure it sorts on: 1 new chats (default), 2 total chats, 3 new members, 4 total members. */
const ORDER_FIELDS: Record<number, keyof GroupChatData> = {
  1: 'new_chat_cnt',
  2: 'chat_total',
  3: 'new_member_cnt',
  4: 'member_total',
};

/** The members the ids stand for: each userid must be a member in 客户联系 scope; a party means its members. */
function membersOf(corp: Corp, userids: string[], partyids: number[]): string[] {
  const members = new Set<string>();
  for (const userid of userids) {
    let member;
    try {
      member = corp.contacts.members.get(userid);
    } catch {
      throw new WecomError(40003, `userid ${userid}`);
    }
    // The simulator puts every active member in 客户联系 usage scope, and nobody else.
    if (memberStatus(member) !== 1) throw new WecomError(84074, `${member.userid} is not active`);
    members.add(member.userid);
  }
  for (const partyid of partyids) {
    if (!corp.contacts.departments.has(partyid)) throw new WecomError(60123, `partyid ${partyid}`);
    for (const member of corp.contacts.membersOf(partyid, true)) {
      if (memberStatus(member) === 1) members.add(member.userid);
    }
  }
  return [...members];
}

/** A 00:00 China time given in seconds between `earliest` and `latest` (days); 40058 otherwise. */
function groupDay(seconds: number, earliest: number, latest: number, field: string): number {
  const day = chinaDayStart(seconds);
  if (day < earliest || day > latest) {
    throw new WecomError(40058, `${field} must be a day from 180 days ago to yesterday`);
  }
  return day;
}

/**
 * day_begin_time … day_end_time (default: the begin day), each a day from 180 days ago up to yesterday. Unknown
 * owners are no error: like owners without groups, they are absent from the answer.
 */
function groupRange(
  nowSeconds: number,
  request: z.infer<typeof groupByDaySchema>,
): { owners: string[]; firstDay: number; lastDay: number } {
  const owners = request.owner_filter.userid_list;
  if (owners.length === 0 || owners.length > IDS_MAX) {
    throw new WecomError(40058, `owner_filter.userid_list holds 1-${IDS_MAX} userids`);
  }
  const today = chinaDayStart(nowSeconds);
  const earliest = today - HISTORY_DAYS * DAY_SECONDS;
  const yesterday = today - DAY_SECONDS;
  const firstDay = groupDay(request.day_begin_time, earliest, yesterday, 'day_begin_time');
  const lastDay = groupDay(request.day_end_time ?? firstDay, earliest, yesterday, 'day_end_time');
  if (lastDay < firstDay) throw new WecomError(40058, 'day_end_time is before day_begin_time');
  return { owners, firstDay, lastDay };
}

export const statisticsEndpoints: Record<string, WecomEndpointSpec> = {
  '/externalcontact/get_user_behavior_data': {
    allowed: STATISTICS_APIS,
    handle: ({ corp, state, body }) => {
      const request = body(behaviorSchema);
      const userids = request.userid ?? [];
      const partyids = request.partyid ?? [];
      if (userids.length > IDS_MAX || partyids.length > IDS_MAX) {
        throw new WecomError(40058, `userid and partyid hold at most ${IDS_MAX} ids each`);
      }
      if (userids.length === 0 && partyids.length === 0) {
        throw new WecomError(40058, 'userid and partyid are both empty');
      }
      if (request.start_time > LATEST_SECONDS || request.end_time > LATEST_SECONDS) {
        throw new WecomError(600018, 'start_time and end_time are seconds');
      }
      // Times that are not 00:00 count as the 00:00 of their day, as WeCom does.
      const firstDay = chinaDayStart(request.start_time);
      const lastDay = chinaDayStart(request.end_time);
      const today = chinaDayStart(state.clock.nowSeconds());
      if (lastDay < firstDay) throw new WecomError(600018, 'end_time is before start_time');
      if (lastDay - firstDay > BEHAVIOR_SPAN_DAYS * DAY_SECONDS) {
        throw new WecomError(600018, `the span is at most ${BEHAVIOR_SPAN_DAYS} days`);
      }
      if (firstDay < today - HISTORY_DAYS * DAY_SECONDS) {
        throw new WecomError(600018, `only the last ${HISTORY_DAYS} days are kept`);
      }
      if (lastDay > today) throw new WecomError(600018, 'end_time is in the future');
      return {
        behavior_data: userBehaviorData(corp, membersOf(corp, userids, partyids), firstDay, lastDay),
      };
    },
  },
  '/externalcontact/groupchat/statistic': {
    allowed: STATISTICS_APIS,
    handle: ({ corp, state, body }) => {
      const request = body(groupByOwnerSchema);
      const orderBy = request.order_by ?? 1;
      const orderAsc = request.order_asc ?? 0;
      const offset = request.offset ?? 0;
      const limit = request.limit ?? GROUP_LIMIT.default;
      if (!(orderBy in ORDER_FIELDS)) throw new WecomError(40058, 'order_by is 1-4');
      if (orderAsc !== 0 && orderAsc !== 1) throw new WecomError(40058, 'order_asc is 0 or 1');
      if (offset < 0) throw new WecomError(40058, 'offset is at least 0');
      if (limit < 1 || limit > GROUP_LIMIT.max) {
        throw new WecomError(40058, `limit is 1-${GROUP_LIMIT.max}`);
      }
      const { owners, firstDay, lastDay } = groupRange(state.clock.nowSeconds(), request);
      const days = ownerDays(corp, owners, firstDay, lastDay);
      const seen = new Set(days.flatMap((day) => [...day.owners.keys()]));
      const field = ORDER_FIELDS[orderBy];
      const items = [...seen]
        .map((owner) => ({ owner, data: groupChatData(days.map((day) => day.owners.get(owner))) }))
        .sort(
          (a, b) =>
            (orderAsc ? a.data[field] - b.data[field] : b.data[field] - a.data[field]) ||
            a.owner.localeCompare(b.owner),
        );
      const page = items.slice(offset, offset + limit);
      return { total: items.length, next_offset: Math.min(offset + limit, items.length), items: page };
    },
  },
  '/externalcontact/groupchat/statistic_group_by_day': {
    allowed: STATISTICS_APIS,
    handle: ({ corp, state, body }) => {
      const request = body(groupByDaySchema);
      const { owners, firstDay, lastDay } = groupRange(state.clock.nowSeconds(), request);
      return {
        items: ownerDays(corp, owners, firstDay, lastDay).map((day) => ({
          stat_time: day.statTime,
          data: sumGroupChatData([...day.owners.values()].map((ownerDay) => groupChatData([ownerDay]))),
        })),
      };
    },
  },
};

import { ANALYTICS_WECOM_DAYS_BACK, type OwnerDayGroupFigures } from '../contracts/analytics.contract';
import type { WeComCredentials } from '../wecom/client';
import { WeComApiError } from '../wecom/errors';
import {
  STATISTICS_MAX_IDS,
  type GroupChatStatisticData,
  type StatisticsApi,
  type UserBehaviorDay,
} from '../wecom/statistics-api';
import { addDays, chinaDayOf, chinaDayStartSeconds } from '../../workflows/china-day';
import { mapAtMost } from '../async/map-at-most';

/**
 * Members whose behaviour data is asked for at once. One after another, a 30-day 补算 of 30 members waited out
 * 900 round trips (79 s in the demo on a loaded machine, the simulator answering in 2 ms); the WeCom client's
 * budget allows 10 calls of one API at once.
 */
const MEMBERS_AT_ONCE = 5;

export interface WecomDayDeps {
  statistics: StatisticsApi;
  /** The tenant's 客户联系 secret, which WeCom's statistics calls take. */
  credentials(tenantId: string): Promise<WeComCredentials>;
  /** Called between steps and batches (the activity heartbeats). */
  progress(step: string): void;
  now(): Date;
}

/** WeCom's behavior_data entry, stored under `wecom` as the staff model names it. */
function wecomStaffPart(entry: UserBehaviorDay) {
  return {
    newApply: entry.new_apply_cnt,
    newContact: entry.new_contact_cnt,
    chatCnt: entry.chat_cnt,
    messageCnt: entry.message_cnt,
    replyPercentage: entry.reply_percentage,
    avgReplyMinutes: entry.avg_reply_time,
    negativeFeedback: entry.negative_feedback_cnt,
  };
}

function wecomGroupPart(data: GroupChatStatisticData): OwnerDayGroupFigures {
  return {
    chatTotal: data.chat_total,
    newChat: data.new_chat_cnt,
    chatHasMsg: data.chat_has_msg,
    memberTotal: data.member_total,
    newMember: data.new_member_cnt,
    memberHasMsg: data.member_has_msg,
    msgTotal: data.msg_total,
  };
}

/** WeCom answers its statistics for yesterday back to 180 days (API.md §10): older days get ours only. */
function wecomAnswers(day: string, now: Date): boolean {
  const today = chinaDayOf(now.getTime());
  return day < today && day >= addDays(today, -ANALYTICS_WECOM_DAYS_BACK);
}

/**
 * WeCom's statistics for one day. A member WeCom refuses (no 客户联系 permission, not in the app's visible range)
 * has no WeCom figures; a refused binding (wrong secret, or an HTTP 404: a WeCom without the endpoint) leaves WeCom out for the whole day, so our own figures are
 * still written; transient failures throw, and the activity's retry runs the day again.
 */
export async function pullWecomDay(
  deps: WecomDayDeps,
  input: { tenantId: string; day: string },
  userids: readonly string[],
): Promise<{
  staff: Map<string, ReturnType<typeof wecomStaffPart>>;
  owners: Map<string, OwnerDayGroupFigures>;
  outcome: string;
}> {
  const staff = new Map<string, ReturnType<typeof wecomStaffPart>>();
  const owners = new Map<string, OwnerDayGroupFigures>();
  if (!wecomAnswers(input.day, deps.now()) || userids.length === 0) return { staff, owners, outcome: 'off' };
  const credentials = await deps.credentials(input.tenantId);
  const dayStart = chinaDayStartSeconds(input.day);
  const refusedBinding = (error: unknown) =>
    error instanceof WeComApiError && error.kind === 'configuration' ? error : null;
  const refusedCall = (error: unknown) => (error instanceof WeComApiError && !error.retryable ? error : null);
  try {
    // One call per member (WeCom sums the members of one call into one series), several at once.
    await mapAtMost(userids, MEMBERS_AT_ONCE, async (userid) => {
      deps.progress(`wecom user behavior ${userid}`);
      try {
        const days = await deps.statistics.userBehaviorData(credentials, userid, dayStart, dayStart);
        const entry = days.find((candidate) => candidate.stat_time === dayStart);
        if (entry) staff.set(userid, wecomStaffPart(entry));
      } catch (error) {
        if (refusedBinding(error) || !refusedCall(error)) throw error;
      }
    });
    for (let at = 0; at < userids.length; at += STATISTICS_MAX_IDS) {
      deps.progress(`wecom group statistic ${at}`);
      try {
        const items = await deps.statistics.groupChatStatisticByOwner(
          credentials,
          dayStart,
          userids.slice(at, at + STATISTICS_MAX_IDS),
        );
        for (const item of items) owners.set(item.owner, wecomGroupPart(item.data));
      } catch (error) {
        if (refusedBinding(error) || !refusedCall(error)) throw error;
      }
    }
  } catch (error) {
    const refused = refusedBinding(error);
    if (!refused) throw error;
    return { staff: new Map(), owners: new Map(), outcome: `refused: ${refused.errcode} ${refused.errmsg}` };
  }
  return { staff, owners, outcome: 'pulled' };
}

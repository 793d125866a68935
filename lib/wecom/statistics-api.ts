import type { WeComClient, WeComCredentials } from './client';

/** One day of get_user_behavior_data (API.md §10.1); the ratio fields are absent on days without chats. */
export interface UserBehaviorDay {
  /** 00:00 of the day, China time, in seconds. */
  stat_time: number;
  new_apply_cnt: number;
  new_contact_cnt: number;
  chat_cnt: number;
  message_cnt: number;
  /** Percent, 0–100. */
  reply_percentage?: number;
  /** Minutes. */
  avg_reply_time?: number;
  negative_feedback_cnt: number;
}

/** groupchat/statistic's `data` (API.md §10.2). */
export interface GroupChatStatisticData {
  new_chat_cnt: number;
  chat_total: number;
  chat_has_msg: number;
  new_member_cnt: number;
  member_total: number;
  member_has_msg: number;
  msg_total: number;
  migrate_trainee_chat_cnt?: number;
}

/** WeCom's limits on the statistics calls (API.md §10). */
export const STATISTICS_MAX_IDS = 100;
export const USER_BEHAVIOR_MAX_DAYS = 30;
export const STATISTICS_DAYS_BACK = 180;

/**
 * Typed calls to WeCom's 联系客户统计 and 群聊统计 (API.md §10). Times are seconds (milliseconds get 600018);
 * get_user_behavior_data sums every id it is given into one series, so a per-member figure takes one call per
 * member.
 */
export function createStatisticsApi(client: WeComClient) {
  return {
    /** One member's days from `startTime` to `endTime` (00:00 of each, seconds; ≤30 days, ≤180 days back). */
    async userBehaviorData(
      credentials: WeComCredentials,
      userid: string,
      startTime: number,
      endTime: number,
    ): Promise<UserBehaviorDay[]> {
      const answer = await client.call<{ behavior_data?: UserBehaviorDay[] }>(credentials, {
        method: 'POST',
        path: '/externalcontact/get_user_behavior_data',
        body: { userid: [userid], start_time: startTime, end_time: endTime },
      });
      return answer.behavior_data ?? [];
    },

    /**
     * One day's group figures of each owner in `owners` (≤100), all pages: the owners WeCom has no groups for
     * are missing from the answer.
     */
    async groupChatStatisticByOwner(
      credentials: WeComCredentials,
      dayBeginTime: number,
      owners: readonly string[],
    ): Promise<Array<{ owner: string; data: GroupChatStatisticData }>> {
      const items: Array<{ owner: string; data: GroupChatStatisticData }> = [];
      for (let offset = 0; ;) {
        const answer = await client.call<{
          total: number;
          next_offset: number;
          items?: Array<{ owner: string; data: GroupChatStatisticData }>;
        }>(credentials, {
          method: 'POST',
          path: '/externalcontact/groupchat/statistic',
          body: {
            day_begin_time: dayBeginTime,
            day_end_time: dayBeginTime,
            owner_filter: { userid_list: owners },
            offset,
            limit: 1000,
          },
        });
        items.push(...(answer.items ?? []));
        if (answer.next_offset >= answer.total || (answer.items ?? []).length === 0) return items;
        offset = answer.next_offset;
      }
    },
  };
}

export type StatisticsApi = ReturnType<typeof createStatisticsApi>;

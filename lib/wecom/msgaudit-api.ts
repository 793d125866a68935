import type { WeComClient, WeComCredentials } from './client';

/**
 * 会话内容存档's HTTP APIs with the archive secret (API.md §15.4): who is archived and whether each customer
 * agreed. WeCom spells the customer's field `exteranalopenid`; callers see `externalUserid`.
 */
export type AgreeStatus = 'Agree' | 'Disagree' | 'Default_Agree';

/** check_single_agree takes at most 100 pairs per call (more → 301060). */
export const AGREE_CHECK_MAX = 100;

export interface AgreeAnswer {
  userid: string;
  externalUserid: string;
  status: AgreeStatus;
  /** Seconds; 0 when the customer never answered. */
  changedAt: number;
}

export function createMsgauditApi(client: WeComClient) {
  return {
    /** Every member with a 会话内容存档 seat (departments and tags expanded by WeCom), all editions. */
    async permittedUserids(credentials: WeComCredentials): Promise<string[]> {
      const answer = await client.call<{ ids?: string[] }>(credentials, {
        method: 'POST',
        path: '/msgaudit/get_permit_user_list',
        body: {},
      });
      return answer.ids ?? [];
    },

    /** One member × customer answer per pair, at most AGREE_CHECK_MAX pairs. */
    async checkSingleAgree(
      credentials: WeComCredentials,
      pairs: ReadonlyArray<{ userid: string; externalUserid: string }>,
    ): Promise<AgreeAnswer[]> {
      if (pairs.length > AGREE_CHECK_MAX) {
        throw new RangeError(
          `check_single_agree takes at most ${AGREE_CHECK_MAX} pairs, got ${pairs.length}`,
        );
      }
      const answer = await client.call<{
        agreeinfo?: Array<{
          userid: string;
          exteranalopenid: string;
          agree_status: AgreeStatus;
          status_change_time?: number;
        }>;
      }>(credentials, {
        method: 'POST',
        path: '/msgaudit/check_single_agree',
        body: { info: pairs.map((pair) => ({ userid: pair.userid, exteranalopenid: pair.externalUserid })) },
      });
      return (answer.agreeinfo ?? []).map((info) => ({
        userid: info.userid,
        externalUserid: info.exteranalopenid,
        status: info.agree_status,
        changedAt: info.status_change_time ?? 0,
      }));
    },
  };
}

export type MsgauditApi = ReturnType<typeof createMsgauditApi>;

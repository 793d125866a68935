import type { WeComClient, WeComCredentials } from './client';

/**
 * Typed calls to WeCom's 客户继承 (API.md §12) with the externalContact secret: the resigned members' unassigned
 * customers and groups, customer transfers (在职 `onjob` and 离职 `resigned`) and their results, and group transfers. Each
 * transfer call takes at most TRANSFER_BATCH_MAX ids: split longer lists with splitIntoBatches.
 */

export type TransferKind = 'onjob' | 'resigned';

export const TRANSFER_BATCH_MAX = 100;
export const UNASSIGNED_PAGE_MAX = 1000;
export const SUCCESS_MSG_MAX = 200;

/** transfer_result's status: 1 done, 2 waiting (24 h), 3 customer refused, 4 takeover member at their limit. */
export type WeComTransferStatus = 1 | 2 | 3 | 4 | 5;

export interface UnassignedCustomer {
  handover_userid: string;
  external_userid: string;
  /** Seconds. */
  dimission_time: number;
}

/** groupchat/list's status_filter for groups whose owner resigned and no successor has them yet (API.md §8.1). */
const OWNER_RESIGNED = 1;
/** groupchat/list pages of at most 1,000; its owner_filter takes at most 100 members. */
export const GROUP_LIST_PAGE_MAX = 1000;
export const GROUP_OWNER_FILTER_MAX = 100;

export interface TransferResultRow {
  external_userid: string;
  status: WeComTransferStatus;
  /** Seconds: when the takeover happened, or will (waiting). */
  takeover_time: number;
}

export interface TransferStart {
  kind: TransferKind;
  handoverUserid: string;
  takeoverUserid: string;
  externalUserids: string[];
  /** On-job only: what WeCom tells the customer (≤ 200 characters). */
  successMsg?: string;
}

const CUSTOMER_PATHS: Record<TransferKind, { start: string; result: string; groups: string }> = {
  onjob: {
    start: '/externalcontact/transfer_customer',
    result: '/externalcontact/transfer_result',
    groups: '/externalcontact/groupchat/onjob_transfer',
  },
  resigned: {
    start: '/externalcontact/resigned/transfer_customer',
    result: '/externalcontact/resigned/transfer_result',
    groups: '/externalcontact/groupchat/transfer',
  },
};

/** Ids in calls of at most `size`, duplicates dropped, order kept. */
export function splitIntoBatches(ids: readonly string[], size = TRANSFER_BATCH_MAX): string[][] {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += size) batches.push(unique.slice(start, start + size));
  return batches;
}

export function createTransferApi(client: WeComClient) {
  const post = <T>(credentials: WeComCredentials, path: string, body: unknown) =>
    client.call<T>(credentials, { method: 'POST', path, body });

  return {
    /** One page of resigned members' customers waiting for a successor; nextCursor '' at the end. */
    async unassignedPage(
      credentials: WeComCredentials,
      cursor: string,
    ): Promise<{ rows: UnassignedCustomer[]; nextCursor: string }> {
      const answer = await post<{ info?: UnassignedCustomer[]; is_last?: boolean; next_cursor?: string }>(
        credentials,
        '/externalcontact/get_unassigned_list',
        { cursor, page_size: UNASSIGNED_PAGE_MAX },
      );
      return { rows: answer.info ?? [], nextCursor: answer.is_last ? '' : (answer.next_cursor ?? '') };
    },

    /**
     * One page of the groups whose owner resigned (status_filter 1); `ownerUserids` (≤100) names the owners when
     * WeCom asks for them (81017: the app sees more than 1,000 members). nextCursor '' at the end.
     */
    async resignedGroupsPage(
      credentials: WeComCredentials,
      request: { cursor: string; ownerUserids?: string[] },
    ): Promise<{ chatIds: string[]; nextCursor: string }> {
      const answer = await post<{ group_chat_list?: Array<{ chat_id: string }>; next_cursor?: string }>(
        credentials,
        '/externalcontact/groupchat/list',
        {
          status_filter: OWNER_RESIGNED,
          limit: GROUP_LIST_PAGE_MAX,
          cursor: request.cursor,
          ...(request.ownerUserids ? { owner_filter: { userid_list: request.ownerUserids } } : {}),
        },
      );
      return {
        chatIds: (answer.group_chat_list ?? []).map((chat) => chat.chat_id),
        nextCursor: answer.next_cursor ?? '',
      };
    },

    /** Starts the transfers; each customer's errcode (0 = started, e.g. 40128 too often, 40129 already moving). */
    async transferCustomers(
      credentials: WeComCredentials,
      request: TransferStart,
    ): Promise<Array<{ external_userid: string; errcode: number }>> {
      if (request.externalUserids.length > TRANSFER_BATCH_MAX)
        throw new RangeError(`transfer_customer takes at most ${TRANSFER_BATCH_MAX} customers a call`);
      const answer = await post<{ customer?: Array<{ external_userid: string; errcode: number }> }>(
        credentials,
        CUSTOMER_PATHS[request.kind].start,
        {
          handover_userid: request.handoverUserid,
          takeover_userid: request.takeoverUserid,
          external_userid: request.externalUserids,
          ...(request.kind === 'onjob' && request.successMsg
            ? { transfer_success_msg: request.successMsg }
            : {}),
        },
      );
      return answer.customer ?? [];
    },

    /** One page of the results between two members; nextCursor '' at the end. */
    async transferResultPage(
      credentials: WeComCredentials,
      request: { kind: TransferKind; handoverUserid: string; takeoverUserid: string; cursor: string },
    ): Promise<{ rows: TransferResultRow[]; nextCursor: string }> {
      const answer = await post<{ customer?: TransferResultRow[]; next_cursor?: string }>(
        credentials,
        CUSTOMER_PATHS[request.kind].result,
        {
          handover_userid: request.handoverUserid,
          takeover_userid: request.takeoverUserid,
          ...(request.cursor ? { cursor: request.cursor } : {}),
        },
      );
      return { rows: answer.customer ?? [], nextCursor: answer.next_cursor ?? '' };
    },

    /** Hands groups to a new owner at once; the groups WeCom refused, with why (e.g. 90500, 90502). */
    async transferGroups(
      credentials: WeComCredentials,
      request: { kind: TransferKind; chatIds: string[]; newOwner: string },
    ): Promise<Array<{ chat_id: string; errcode: number; errmsg: string }>> {
      if (request.chatIds.length > TRANSFER_BATCH_MAX)
        throw new RangeError(`group transfer takes at most ${TRANSFER_BATCH_MAX} groups a call`);
      const answer = await post<{
        failed_chat_list?: Array<{ chat_id: string; errcode: number; errmsg: string }>;
      }>(credentials, CUSTOMER_PATHS[request.kind].groups, {
        chat_id_list: request.chatIds,
        new_owner: request.newOwner,
      });
      return answer.failed_chat_list ?? [];
    },
  };
}

export type TransferApi = ReturnType<typeof createTransferApi>;

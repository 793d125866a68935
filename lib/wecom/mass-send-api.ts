import type { WeComClient, WeComCredentials } from './client';
import { WeComApiError } from './errors';

/**
 * Typed calls to WeCom's mass send 企业群发 (API.md §9) with the externalContact secret: add_msg_template,
 * get_groupmsg_list_v2, get_groupmsg_task, get_groupmsg_send_result, remind_groupmsg_send and
 * cancel_groupmsg_send. Every call goes through the WeComClient, so it spends the tenant's call budget.
 * Listing calls come as page functions (a cursor in, the next cursor out: an activity can checkpoint it) and
 * as async iterators over all pages.
 */

export type MassSendChatType = 'single' | 'group';

/** An attachment of a mass send (API.md §7.1 shapes; media_id wins over pic_url when both are given). */
export type MassSendAttachment =
  | { msgtype: 'image'; image: { media_id?: string; pic_url?: string } }
  | { msgtype: 'link'; link: { title: string; url: string; desc?: string; picurl?: string } }
  | {
      msgtype: 'miniprogram';
      miniprogram: { title: string; pic_media_id: string; appid: string; page: string };
    }
  | { msgtype: 'video'; video: { media_id: string } }
  | { msgtype: 'file'; file: { media_id: string } };

/** text ≤ 4,000 bytes and ≤ 9 attachments, not both empty. */
export interface MassSendContent {
  text?: { content: string };
  attachments?: MassSendAttachment[];
}

/** A corp tag filter: OR within a group of tags, AND across groups (≤ 100 tags a group). */
export interface MassSendTagFilter {
  group_list: Array<{ tag_list: string[] }>;
}

/**
 * One add_msg_template call. To customers: the listed external_userids (≤ 10,000; they override tag_filter),
 * else the sender's customers, else the customers matching tag_filter; without a sender WeCom gives each
 * customer to the member who last interacted with them. To groups: the sender is required, and the listed
 * chat_ids (≤ 2,000) or all of their groups.
 */
export type MsgTemplateRequest = MassSendContent & { allow_select?: boolean } & (
    | {
        chat_type: 'single';
        sender?: string;
        external_userid?: string[];
        tag_filter?: MassSendTagFilter;
      }
    | { chat_type: 'group'; sender: string; chat_id_list?: string[] }
  );

/**
 * What add_msg_template did: a template (its msgid, and the ids WeCom could not send to), or nothing because
 * nobody it names can be reached (WeCom's 41048): not an error to retry.
 */
export type MsgTemplateOutcome =
  { created: true; msgid: string; failList: string[] } | { created: false; reason: 'nobody-reachable' };

/** WeCom's per-call recipient limits (API.md §9.1). */
export const EXTERNAL_USERIDS_PER_TEMPLATE = 10_000;
export const CHAT_IDS_PER_TEMPLATE = 2_000;
/** Page sizes: the maxima WeCom accepts (a larger limit silently falls back to the default, §9.2–9.4). */
export const GROUP_MSG_LIST_LIMIT = 100;
export const GROUP_MSG_TASK_LIMIT = 1000;
export const GROUP_MSG_RESULT_LIMIT = 1000;

/** No customer or group left to send to (API.md §2). */
const NOBODY_REACHABLE = 41048;
/** remind_groupmsg_send beyond 3 within 24 hours: the doc names no errcode; the simulator answers 40058. */
const REMIND_REFUSED = 40058;
/** get_groupmsg_list_v2 accepts at most one month between start_time and end_time; 28 days always fits. */
const LIST_WINDOW_SECONDS = 28 * 86_400;

/** 0 created by the corp through the API, 1 by a member in the client. */
export type GroupMsgCreateType = 0 | 1;

export interface GroupMsgSummary {
  msgid: string;
  /** Absent for API-created sends. */
  creator?: string;
  /** Seconds (WeCom sends it as a string; API.md B15). */
  createTime: number;
  createType: GroupMsgCreateType;
  text?: { content: string };
  attachments: MassSendAttachment[];
}

export interface GroupMsgListQuery {
  chatType: MassSendChatType;
  /** Seconds. */
  startTime: number;
  endTime: number;
  creator?: string;
  /** 0 corp-created, 1 member-created, 2 all (WeCom's default). */
  filterType?: 0 | 1 | 2;
}

export interface GroupMsgTask {
  userid: string;
  /** The doc's text says 0 unsent / 2 sent, its example shows 1: any non-zero is sent (API.md B4). */
  sent: boolean;
  /** Seconds, once sent. */
  sendTime?: number;
}

/** 0 not sent, 1 sent, 2 failed: not a friend, 3 failed: the customer already received a mass message. */
export type GroupMsgSendStatus = 0 | 1 | 2 | 3;

export interface GroupMsgSendResult {
  /** The external_userid (to customers) or chat_id (to groups). */
  recipientId: string;
  userid: string;
  status: GroupMsgSendStatus;
  /** Seconds, when status is 1. */
  sendTime?: number;
}

export interface Page<T> {
  items: T[];
  /** '' when there is no more. */
  nextCursor: string;
}

interface WireGroupMsg {
  msgid: string;
  creator?: string;
  create_time: string | number;
  create_type: GroupMsgCreateType;
  text?: { content: string };
  attachments?: MassSendAttachment[];
}

interface WireTask {
  userid: string;
  status: number;
  send_time?: number;
}

interface WireSendResult {
  external_userid?: string;
  chat_id?: string;
  userid: string;
  status: GroupMsgSendStatus;
  send_time?: number;
}

/**
 * Recipients in calls of at most `size` (WeCom's 10,000 external_userids, or 2,000 chat_ids), duplicates
 * dropped so one customer is never in two calls, order kept.
 */
export function splitRecipients(ids: readonly string[], size = EXTERNAL_USERIDS_PER_TEMPLATE): string[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer: ${size}`);
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += size) batches.push(unique.slice(start, start + size));
  return batches;
}

/** Windows of at most 28 days covering [start, end], as get_groupmsg_list_v2 needs (≤ 1 month each). */
export function listWindows(
  startTime: number,
  endTime: number,
): Array<{ startTime: number; endTime: number }> {
  const windows: Array<{ startTime: number; endTime: number }> = [];
  for (let from = startTime; from <= endTime; from += LIST_WINDOW_SECONDS + 1) {
    windows.push({ startTime: from, endTime: Math.min(from + LIST_WINDOW_SECONDS, endTime) });
  }
  return windows;
}

export function createMassSendApi(client: WeComClient) {
  const post = <T>(credentials: WeComCredentials, path: string, body: unknown) =>
    client.call<T>(credentials, { method: 'POST', path, body });

  const api = {
    /**
     * Creates one template (tasks for the members; nothing is sent until they confirm). Lists longer than
     * WeCom's limit are refused here: split them with splitRecipients, one call per batch.
     */
    async addMsgTemplate(
      credentials: WeComCredentials,
      request: MsgTemplateRequest,
    ): Promise<MsgTemplateOutcome> {
      const listed = request.chat_type === 'single' ? request.external_userid : request.chat_id_list;
      const max = request.chat_type === 'single' ? EXTERNAL_USERIDS_PER_TEMPLATE : CHAT_IDS_PER_TEMPLATE;
      if (listed && listed.length > max) {
        throw new RangeError(`add_msg_template takes at most ${max} recipients a call, got ${listed.length}`);
      }
      try {
        const answer = await post<{ msgid: string; fail_list?: string[] }>(
          credentials,
          '/externalcontact/add_msg_template',
          request,
        );
        return { created: true, msgid: answer.msgid, failList: answer.fail_list ?? [] };
      } catch (error) {
        if (error instanceof WeComApiError && error.errcode === NOBODY_REACHABLE) {
          return { created: false, reason: 'nobody-reachable' };
        }
        throw error;
      }
    },

    /** One page of mass sends created in [startTime, endTime] (at most one month apart). */
    async groupMsgPage(
      credentials: WeComCredentials,
      query: GroupMsgListQuery,
      cursor = '',
    ): Promise<Page<GroupMsgSummary>> {
      const answer = await post<{ group_msg_list?: WireGroupMsg[]; next_cursor?: string }>(
        credentials,
        '/externalcontact/get_groupmsg_list_v2',
        {
          chat_type: query.chatType,
          start_time: query.startTime,
          end_time: query.endTime,
          creator: query.creator,
          filter_type: query.filterType,
          limit: GROUP_MSG_LIST_LIMIT,
          cursor,
        },
      );
      return {
        items: (answer.group_msg_list ?? []).map((message) => ({
          msgid: message.msgid,
          ...(message.creator ? { creator: message.creator } : {}),
          createTime: Number(message.create_time),
          createType: message.create_type,
          ...(message.text ? { text: message.text } : {}),
          attachments: message.attachments ?? [],
        })),
        nextCursor: answer.next_cursor ?? '',
      };
    },

    /** Every mass send created in [startTime, endTime], any length: month-sized windows, every page. */
    async *groupMsgs(
      credentials: WeComCredentials,
      query: GroupMsgListQuery,
    ): AsyncGenerator<GroupMsgSummary> {
      for (const window of listWindows(query.startTime, query.endTime)) {
        let cursor = '';
        do {
          const page = await api.groupMsgPage(credentials, { ...query, ...window }, cursor);
          yield* page.items;
          cursor = page.nextCursor;
        } while (cursor);
      }
    },

    /**
     * One page of a send's member tasks. Right after creation WeCom may answer 41063 (still dispatching): a
     * transient WeComApiError, to be tried again later.
     */
    async taskPage(credentials: WeComCredentials, msgid: string, cursor = ''): Promise<Page<GroupMsgTask>> {
      const answer = await post<{ task_list?: WireTask[]; next_cursor?: string }>(
        credentials,
        '/externalcontact/get_groupmsg_task',
        { msgid, limit: GROUP_MSG_TASK_LIMIT, cursor },
      );
      return {
        items: (answer.task_list ?? []).map((task) => ({
          userid: task.userid,
          sent: task.status !== 0,
          ...(task.send_time ? { sendTime: task.send_time } : {}),
        })),
        nextCursor: answer.next_cursor ?? '',
      };
    },

    async *tasks(credentials: WeComCredentials, msgid: string): AsyncGenerator<GroupMsgTask> {
      let cursor = '';
      do {
        const page = await api.taskPage(credentials, msgid, cursor);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },

    /** One page of what one member's task did for each recipient (41063 as for taskPage). */
    async sendResultPage(
      credentials: WeComCredentials,
      msgid: string,
      userid: string,
      cursor = '',
    ): Promise<Page<GroupMsgSendResult>> {
      const answer = await post<{ send_list?: WireSendResult[]; next_cursor?: string }>(
        credentials,
        '/externalcontact/get_groupmsg_send_result',
        { msgid, userid, limit: GROUP_MSG_RESULT_LIMIT, cursor },
      );
      return {
        items: (answer.send_list ?? []).map((row) => ({
          recipientId: row.external_userid ?? row.chat_id ?? '',
          userid: row.userid,
          status: row.status,
          ...(row.status === 1 && row.send_time ? { sendTime: row.send_time } : {}),
        })),
        nextCursor: answer.next_cursor ?? '',
      };
    },

    async *sendResults(
      credentials: WeComCredentials,
      msgid: string,
      userid: string,
    ): AsyncGenerator<GroupMsgSendResult> {
      let cursor = '';
      do {
        const page = await api.sendResultPage(credentials, msgid, userid, cursor);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },

    /**
     * Notifies again the members who have not sent. WeCom allows 3 reminders per send within 24 hours;
     * beyond that the answer is 'limit-reached', not an error.
     */
    async remind(credentials: WeComCredentials, msgid: string): Promise<'reminded' | 'limit-reached'> {
      try {
        await post(credentials, '/externalcontact/remind_groupmsg_send', { msgid });
        return 'reminded';
      } catch (error) {
        if (error instanceof WeComApiError && error.errcode === REMIND_REFUSED) return 'limit-reached';
        throw error;
      }
    },

    /** Stops the send for members who have not sent yet; what was sent stays sent. Repeating it is harmless. */
    async cancel(credentials: WeComCredentials, msgid: string): Promise<void> {
      await post(credentials, '/externalcontact/cancel_groupmsg_send', { msgid });
    },
  };
  return api;
}

export type MassSendApi = ReturnType<typeof createMassSendApi>;

import type { WeComClient, WeComCredentials } from './client';

/**
 * Typed calls to WeCom's customer-contact (客户联系) API with the externalContact secret: customers
 * (API.md §5), corp tags (§5.6) and customer groups (§8). Shapes as WeCom sends them.
 */

export interface WeComExternalContact {
  external_userid: string;
  name: string;
  avatar?: string;
  type: 1 | 2;
  gender?: number;
  unionid?: string;
  position?: string;
  corp_name?: string;
  corp_full_name?: string;
}

/** The fields a relation shares in externalcontact/get's follow_user and batch/get_by_user's follow_info. */
interface WeComFollowBase {
  userid: string;
  remark?: string;
  description?: string;
  createtime: number;
  remark_corp_name?: string;
  remark_mobiles?: string[];
  add_way?: number;
  oper_userid?: string;
  state?: string;
}

/** externalcontact/get: tags as objects; personal tags (type 2) carry no id. */
export interface WeComFollowUser extends WeComFollowBase {
  tags?: Array<{ group_name?: string; tag_name?: string; tag_id?: string; type?: number }>;
}

/** batch/get_by_user: corp and rule-group tag ids only. */
export interface WeComFollowInfo extends WeComFollowBase {
  tag_id?: string[];
}

export interface WeComCustomerWithFollowers {
  external_contact: WeComExternalContact;
  follow_user: WeComFollowUser[];
}

export interface WeComCustomerPage {
  items: Array<{ external_contact: WeComExternalContact; follow_info: WeComFollowInfo }>;
  nextCursor: string;
}

export interface WeComGroupChatMember {
  userid: string;
  type: 1 | 2;
  unionid?: string;
  join_time?: number;
  join_scene?: number;
  invitor?: { userid?: string };
  group_nickname?: string;
  name?: string;
  state?: string;
}

export interface WeComGroupChat {
  chat_id: string;
  name?: string;
  owner: string;
  create_time?: number;
  notice?: string;
  member_list?: WeComGroupChatMember[];
  admin_list?: Array<{ userid: string }>;
  member_version?: string;
}

/** WeCom caps: batch/get_by_user takes ≤100 members and pages ≤100; groupchat/list pages ≤1000. */
export const BATCH_USERIDS_MAX = 100;
export const BATCH_PAGE_LIMIT = 100;
export const GROUP_LIST_LIMIT = 1000;

export function createCustomersApi(client: WeComClient) {
  const post = <T>(credentials: WeComCredentials, path: string, body: unknown) =>
    client.call<T>(credentials, { method: 'POST', path, body });

  return {
    /** Members with 客户联系 enabled (within the app's visibility). */
    async listFollowUsers(credentials: WeComCredentials): Promise<string[]> {
      const answer = await client.call<{ follow_user?: string[] }>(credentials, {
        method: 'GET',
        path: '/externalcontact/get_follow_user_list',
      });
      return answer.follow_user ?? [];
    },

    /** One page of the (customer × member) relations of up to 100 members. */
    async customersOfMembers(
      credentials: WeComCredentials,
      userids: string[],
      cursor = '',
    ): Promise<WeComCustomerPage> {
      const answer = await post<{
        external_contact_list?: WeComCustomerPage['items'];
        next_cursor?: string;
      }>(credentials, '/externalcontact/batch/get_by_user', {
        userid_list: userids,
        cursor,
        limit: BATCH_PAGE_LIMIT,
      });
      return { items: answer.external_contact_list ?? [], nextCursor: answer.next_cursor ?? '' };
    },

    /** One customer with every relation (follow_user pages of 500 are read to the end). */
    async getCustomer(
      credentials: WeComCredentials,
      externalUserid: string,
    ): Promise<WeComCustomerWithFollowers> {
      const followUsers: WeComFollowUser[] = [];
      let cursor = '';
      let contact: WeComExternalContact;
      do {
        const answer = await client.call<{
          external_contact: WeComExternalContact;
          follow_user?: WeComFollowUser[];
          next_cursor?: string;
        }>(credentials, {
          method: 'GET',
          path: '/externalcontact/get',
          query: { external_userid: externalUserid, cursor: cursor || undefined },
        });
        contact = answer.external_contact;
        followUsers.push(...(answer.follow_user ?? []));
        cursor = answer.next_cursor ?? '';
      } while (cursor);
      return { external_contact: contact, follow_user: followUsers };
    },

    async remark(
      credentials: WeComCredentials,
      change: {
        userid: string;
        external_userid: string;
        remark?: string;
        description?: string;
        remark_company?: string;
        remark_mobiles?: string[];
      },
    ): Promise<void> {
      await post(credentials, '/externalcontact/remark', change);
    },

    /** One page of group chat ids; `ownerUserids` (≤100) is needed when the app sees more than 1,000 members. */
    async listGroupChats(
      credentials: WeComCredentials,
      options: { cursor?: string; ownerUserids?: string[] } = {},
    ): Promise<{ chats: Array<{ chat_id: string; status: number }>; nextCursor: string }> {
      const answer = await post<{
        group_chat_list?: Array<{ chat_id: string; status: number }>;
        next_cursor?: string;
      }>(credentials, '/externalcontact/groupchat/list', {
        limit: GROUP_LIST_LIMIT,
        cursor: options.cursor ?? '',
        ...(options.ownerUserids ? { owner_filter: { userid_list: options.ownerUserids } } : {}),
      });
      return { chats: answer.group_chat_list ?? [], nextCursor: answer.next_cursor ?? '' };
    },

    async getGroupChat(credentials: WeComCredentials, chatId: string): Promise<WeComGroupChat> {
      const answer = await post<{ group_chat: WeComGroupChat }>(
        credentials,
        '/externalcontact/groupchat/get',
        {
          chat_id: chatId,
          need_name: 1,
        },
      );
      return answer.group_chat;
    },
  };
}

export type CustomersApi = ReturnType<typeof createCustomersApi>;

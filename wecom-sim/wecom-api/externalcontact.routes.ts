/**
 * /cgi-bin/externalcontact/* for customers, corp tags and customer groups (API.md §5, §8). Callable with the
 * 客户联系 secret or the self-built app's; API calls never emit callbacks (doc 92130).
 */
import { z } from 'zod';
import { memberStatus } from '../contacts/member-roster';
import {
  externalContactView,
  followInfoView,
  followUserView,
  groupChatView,
} from '../customers/customer-views';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import { WecomError } from '../wecom-error';
import { pageByCursor } from './cursor';
import type { WecomEndpointSpec } from './wecom-endpoint';

const CUSTOMER_APIS: readonly SecretKind[] = ['externalContact', 'app'];

/** externalcontact/get pages follow_user when a customer has more followers than this. */
const FOLLOWERS_PER_PAGE = 500;
const BATCH_USERIDS_MAX = 100;
const BATCH_LIMIT_DEFAULT = 50;
const BATCH_LIMIT_MAX = 100;
const GROUP_LIST_LIMIT_MAX = 1000;
const GROUP_OWNER_FILTER_MAX = 100;
/** groupchat/list without owner_filter is refused when the app sees more people than this (81017). */
const UNFILTERED_VISIBLE_MAX = 1000;

/** Members in 客户联系 usage scope: the simulator puts every active member there. */
function followUsers(corp: Corp): string[] {
  return corp.contacts.members
    .all()
    .filter((member) => memberStatus(member) === 1)
    .map((member) => member.userid);
}

function requireMember(corp: Corp, userid: string | undefined): string {
  if (!userid) throw new WecomError(40058, 'userid is required');
  try {
    return corp.contacts.members.get(userid).userid;
  } catch {
    throw new WecomError(40003, `userid ${userid}`);
  }
}

const batchGetSchema = z.object({
  userid_list: z.array(z.string()),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
});

const remarkSchema = z.object({
  userid: z.string(),
  external_userid: z.string(),
  remark: z.string().optional(),
  description: z.string().optional(),
  remark_company: z.string().optional(),
  remark_mobiles: z.array(z.string()).optional(),
  remark_pic_mediaid: z.string().optional(),
});

const tagListSchema = z.object({
  tag_id: z.array(z.string()).optional(),
  group_id: z.array(z.string()).optional(),
});

const addTagSchema = z.object({
  group_id: z.string().optional(),
  group_name: z.string().optional(),
  order: z.number().int().nonnegative().optional(),
  tag: z.array(z.object({ name: z.string(), order: z.number().int().nonnegative().optional() })),
  agentid: z.number().int().optional(),
});

const editTagSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  order: z.number().int().nonnegative().optional(),
});

const deleteTagSchema = z.object({
  tag_id: z.array(z.string()).optional(),
  group_id: z.array(z.string()).optional(),
});

const markTagSchema = z.object({
  userid: z.string(),
  external_userid: z.string(),
  add_tag: z.array(z.string()).optional(),
  remove_tag: z.array(z.string()).optional(),
});

const groupListSchema = z.object({
  status_filter: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  owner_filter: z.object({ userid_list: z.array(z.string()) }).optional(),
  cursor: z.string().optional(),
  limit: z.number().int(),
});

const groupGetSchema = z.object({
  chat_id: z.string(),
  need_name: z.union([z.literal(0), z.literal(1)]).optional(),
});

export const externalContactEndpoints: Record<string, WecomEndpointSpec> = {
  '/externalcontact/get_follow_user_list': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { follow_user: [] },
    handle: ({ corp }) => ({ follow_user: followUsers(corp) }),
  },
  '/externalcontact/list': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { external_userid: [] },
    handle: ({ corp, query }) => {
      const userid = requireMember(corp, query('userid'));
      const customers = corp.customers.customersOf(userid);
      // A member without customers is "not external contact", not an empty list (WxJava #1528).
      if (customers.length === 0) throw new WecomError(84061, `${userid} has no customers`);
      return { external_userid: customers };
    },
  },
  '/externalcontact/get': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { follow_user: [] },
    handle: ({ corp, query }) => {
      const contact = corp.customers.contact(query('external_userid'));
      const followers = corp.customers.followersOf(contact.external_userid);
      const { page, nextCursor } = pageByCursor(followers, query('cursor'), FOLLOWERS_PER_PAGE);
      return {
        external_contact: externalContactView(contact, corp),
        follow_user: page.map((relation) => followUserView(relation, corp.corpTags)),
        next_cursor: nextCursor,
      };
    },
  },
  '/externalcontact/batch/get_by_user': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { external_contact_list: [] },
    handle: ({ corp, body }) => {
      const request = body(batchGetSchema);
      if (request.userid_list.length === 0 || request.userid_list.length > BATCH_USERIDS_MAX) {
        throw new WecomError(40058, `userid_list holds 1-${BATCH_USERIDS_MAX} userids`);
      }
      const userids = request.userid_list.map((userid) => requireMember(corp, userid));
      // Values above the maximum are clamped, not refused (API.md §5.4).
      const limit = Math.min(Math.max(request.limit ?? BATCH_LIMIT_DEFAULT, 1), BATCH_LIMIT_MAX);
      const rows = userids.flatMap((userid) =>
        corp.customers.customersOf(userid).map((externalUserid) => ({ userid, externalUserid })),
      );
      const { page, nextCursor } = pageByCursor(rows, request.cursor, limit);
      return {
        external_contact_list: page.map(({ userid, externalUserid }) => ({
          external_contact: externalContactView(corp.customers.contact(externalUserid), corp),
          follow_info: followInfoView(corp.customers.relation(userid, externalUserid)),
        })),
        next_cursor: nextCursor,
      };
    },
  },
  '/externalcontact/remark': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      const request = body(remarkSchema);
      // remark_pic_mediaid is accepted but not kept: the simulator has no media store.
      corp.customers.remark(requireMember(corp, request.userid), request.external_userid, {
        remark: request.remark,
        description: request.description,
        remark_company: request.remark_company,
        remark_mobiles: request.remark_mobiles,
      });
      return {};
    },
  },
  '/externalcontact/get_corp_tag_list': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { tag_group: [] },
    handle: ({ corp, body }) => {
      const request = body(tagListSchema);
      // With both given, tag_id is ignored (API.md §5.6).
      return { tag_group: corp.corpTags.list({ groupIds: request.group_id, tagIds: request.tag_id }) };
    },
  },
  '/externalcontact/add_corp_tag': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      // agentid only matters to old third-party suites; a self-built app's tags belong to the corp.
      const { group_id, group_name, order, tag } = body(addTagSchema);
      return { tag_group: corp.corpTags.add({ group_id, group_name, order, tag }) };
    },
  },
  '/externalcontact/edit_corp_tag': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      const { id, ...change } = body(editTagSchema);
      if (change.name === undefined && change.order === undefined) {
        throw new WecomError(40058, 'name or order is required');
      }
      corp.corpTags.edit(id, change);
      return {};
    },
  },
  '/externalcontact/del_corp_tag': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      const request = body(deleteTagSchema);
      const deleted = corp.corpTags.delete(request.tag_id ?? [], request.group_id ?? []);
      corp.customers.dropTags(new Set(deleted.deletedTagIds));
      return {};
    },
  },
  '/externalcontact/mark_tag': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      const request = body(markTagSchema);
      const add = request.add_tag ?? [];
      const remove = request.remove_tag ?? [];
      if (add.length === 0 && remove.length === 0)
        throw new WecomError(40058, 'add_tag and remove_tag are both empty');
      for (const id of [...add, ...remove])
        if (!corp.corpTags.isTag(id)) throw new WecomError(40068, `tag ${id}`);
      corp.customers.markTags(requireMember(corp, request.userid), request.external_userid, add, remove);
      return {};
    },
  },
  '/externalcontact/groupchat/list': {
    allowed: CUSTOMER_APIS,
    emptyOnError: { group_chat_list: [] },
    handle: ({ corp, body }) => {
      const request = body(groupListSchema);
      if (request.limit < 1 || request.limit > GROUP_LIST_LIMIT_MAX) {
        throw new WecomError(40058, `limit is 1-${GROUP_LIST_LIMIT_MAX}`);
      }
      const owners = request.owner_filter?.userid_list;
      if (owners && owners.length > GROUP_OWNER_FILTER_MAX) {
        throw new WecomError(
          40058,
          `owner_filter.userid_list holds at most ${GROUP_OWNER_FILTER_MAX} userids`,
        );
      }
      if (!owners && followUsers(corp).length > UNFILTERED_VISIBLE_MAX) throw new WecomError(81017);
      const status = request.status_filter ?? 0;
      const wanted = owners ? new Set(owners.map((id) => id.toLowerCase())) : undefined;
      const rows = corp.groupChats
        .all()
        .filter((chat) => !wanted || wanted.has(chat.owner.toLowerCase()))
        .filter((chat) => status === 0 || chat.status === status)
        .map((chat) => ({ chat_id: chat.chat_id, status: chat.status }));
      const { page, nextCursor } = pageByCursor(rows, request.cursor, request.limit);
      return { group_chat_list: page, next_cursor: nextCursor };
    },
  },
  '/externalcontact/groupchat/get': {
    allowed: CUSTOMER_APIS,
    handle: ({ corp, body }) => {
      const request = body(groupGetSchema);
      return {
        group_chat: groupChatView(corp.groupChats.get(request.chat_id), request.need_name === 1, corp),
      };
    },
  },
};

/** /cgi-bin/user/* (API.md §4.2). Writes go through MemberRoster's rules; nothing here emits callbacks. */
import { z } from 'zod';
import { memberSummaryView, memberView } from '../contacts/contact-views';
import { memberFieldsSchema } from '../contacts/member-input';
import { WecomError } from '../wecom-error';
import {
  CONTACT_READERS,
  CONTACT_SYNC_ONLY,
  CONTACT_WRITERS,
  seesSensitiveMemberFields,
} from './contact-access';
import { pageByCursor } from './cursor';
import { flagParam, optionalIdParam } from './query-params';
import type { WecomCall, WecomEndpointSpec } from './wecom-endpoint';

const LIST_ID_MAX_LIMIT = 10000;

const listIdSchema = z.object({
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
});

const batchDeleteSchema = z.object({ useridlist: z.array(z.string()) });

/** WeCom keeps these lists, empty, in user/get error bodies. */
const EMPTY_MEMBER_LISTS = { department: [], order: [], is_leader_in_dept: [], direct_leader: [] };

function membersOfRequestedDepartment({ corp, query }: WecomCall) {
  return corp.contacts.membersOf(
    corp.contacts.departments.get(optionalIdParam(query('department_id'), 'department_id')).id,
    flagParam(query('fetch_child')),
  );
}

export const userEndpoints: Record<string, WecomEndpointSpec> = {
  '/user/get': {
    allowed: CONTACT_READERS,
    emptyOnError: EMPTY_MEMBER_LISTS,
    handle: ({ corp, kind, query }) =>
      memberView(corp.contacts.members.get(query('userid')), { sensitive: seesSensitiveMemberFields(kind) }),
  },
  '/user/simplelist': {
    allowed: CONTACT_READERS,
    emptyOnError: { userlist: [] },
    handle: (call) => ({ userlist: membersOfRequestedDepartment(call).map(memberSummaryView) }),
  },
  '/user/list': {
    allowed: CONTACT_READERS,
    emptyOnError: { userlist: [] },
    handle: (call) => ({
      userlist: membersOfRequestedDepartment(call).map((member) =>
        memberView(member, { sensitive: seesSensitiveMemberFields(call.kind) }),
      ),
    }),
  },
  '/user/list_id': {
    allowed: CONTACT_SYNC_ONLY,
    emptyOnError: { next_cursor: '', dept_user: [] },
    handle: ({ corp, body }) => {
      const request = body(listIdSchema);
      const limit = request.limit ?? LIST_ID_MAX_LIMIT;
      if (limit < 1 || limit > LIST_ID_MAX_LIMIT)
        throw new WecomError(40058, `limit is 1-${LIST_ID_MAX_LIMIT}`);
      // One row per (member, department), as the doc describes.
      const rows = corp.contacts.members
        .all()
        .flatMap((member) => member.department.map((department) => ({ userid: member.userid, department })));
      const { page, nextCursor } = pageByCursor(rows, request.cursor, limit);
      return { next_cursor: nextCursor, dept_user: page };
    },
  },
  '/user/create': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, body }) => {
      // Members added by API have not joined yet: WeCom shows them as "not activated" (status 4).
      corp.contacts.members.create(body(memberFieldsSchema), 'pending');
      return { errmsg: 'created' };
    },
  },
  '/user/update': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, body }) => {
      corp.contacts.members.update(body(memberFieldsSchema));
      return { errmsg: 'updated' };
    },
  },
  '/user/delete': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, query }) => {
      corp.contacts.members.delete(query('userid'));
      return { errmsg: 'deleted' };
    },
  },
  '/user/batchdelete': {
    allowed: CONTACT_WRITERS,
    writesContacts: true,
    handle: ({ corp, body }) => {
      corp.contacts.members.deleteMany(body(batchDeleteSchema).useridlist);
      return { errmsg: 'deleted' };
    },
  },
};

/**
 * /cgi-bin/externalcontact/* for mass sends 企业群发 (API.md §9): add_msg_template, get_groupmsg_list_v2,
 * get_groupmsg_task, get_groupmsg_send_result, remind_groupmsg_send and cancel_groupmsg_send. A new template
 * only creates tasks; members send them in the client (the scenario API's mass-sends routes).
 */
import { z } from 'zod';
import { resolveAudience } from '../mass-send/audience';
import type { MassSendTemplate } from '../mass-send/mass-sends';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import { WecomError } from '../wecom-error';
import { pageByCursor } from './cursor';
import { attachmentSchema, checkedMessageContent } from './welcome.routes';
import type { WecomEndpointSpec } from './wecom-endpoint';

const MASS_SEND_APIS: readonly SecretKind[] = ['externalContact', 'app'];

/** get_groupmsg_list_v2 pages 50 by default, at most 100; a larger limit falls back to the default. */
const LIST_LIMIT = { default: 50, max: 100 };
/** get_groupmsg_task and get_groupmsg_send_result: 500 by default, at most 1,000, same fallback. */
const TASK_LIMIT = { default: 500, max: 1000 };
const CHINA_OFFSET_SECONDS = 8 * 3600;

const chatTypeSchema = z.enum(['single', 'group']);

const addTemplateSchema = z.object({
  chat_type: chatTypeSchema.optional(),
  external_userid: z.array(z.string()).optional(),
  chat_id_list: z.array(z.string()).optional(),
  tag_filter: z.object({ group_list: z.array(z.object({ tag_list: z.array(z.string()) })) }).optional(),
  sender: z.string().optional(),
  allow_select: z.boolean().optional(),
  text: z.object({ content: z.string() }).optional(),
  attachments: z.array(attachmentSchema).optional(),
});

const listSchema = z.object({
  chat_type: chatTypeSchema,
  start_time: z.number().int(),
  end_time: z.number().int(),
  creator: z.string().optional(),
  filter_type: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
});

const msgidSchema = z.object({ msgid: z.string().optional() });
const taskSchema = msgidSchema.extend({ limit: z.number().int().optional(), cursor: z.string().optional() });
const resultSchema = taskSchema.extend({ userid: z.string().optional() });

function limitOf(requested: number | undefined, limits: { default: number; max: number }): number {
  return requested === undefined || requested < 1 || requested > limits.max ? limits.default : requested;
}

/** The latest end_time a start_time allows: one calendar month later, in China time. */
function oneMonthAfter(start: number): number {
  const local = new Date((start + CHINA_OFFSET_SECONDS) * 1000);
  local.setUTCMonth(local.getUTCMonth() + 1);
  return local.getTime() / 1000 - CHINA_OFFSET_SECONDS;
}

function listView(template: Readonly<MassSendTemplate>): Record<string, unknown> {
  return {
    msgid: template.msgid,
    ...(template.creator ? { creator: template.creator } : {}),
    // A string, as in the doc's example (API.md Appendix B15).
    create_time: String(template.create_time),
    create_type: template.create_type,
    ...(template.content.text ? { text: template.content.text } : {}),
    attachments: template.content.attachments,
  };
}

function isMember(corp: Corp, userid: string): boolean {
  try {
    corp.contacts.members.get(userid);
    return true;
  } catch {
    return false;
  }
}

export const groupMsgEndpoints: Record<string, WecomEndpointSpec> = {
  '/externalcontact/add_msg_template': {
    allowed: MASS_SEND_APIS,
    emptyOnError: { fail_list: [] },
    handle: ({ corp, body }) => {
      const input = body(addTemplateSchema);
      const chatType = input.chat_type ?? 'single';
      const content = checkedMessageContent(corp, input);
      const audience = resolveAudience(corp, {
        chat_type: chatType,
        sender: input.sender,
        // Each list counts only for its own chat_type.
        external_userid: chatType === 'single' ? input.external_userid : undefined,
        chat_id_list: chatType === 'group' ? input.chat_id_list : undefined,
        tag_filter: chatType === 'single' ? input.tag_filter : undefined,
      });
      const template = corp.massSends.create({
        chat_type: chatType,
        create_type: 0,
        content,
        allow_select: input.allow_select ?? false,
        recipientsBySender: audience.recipientsBySender,
      });
      return { fail_list: audience.failList, msgid: template.msgid };
    },
  },
  '/externalcontact/get_groupmsg_list_v2': {
    allowed: MASS_SEND_APIS,
    emptyOnError: { group_msg_list: [] },
    handle: ({ corp, body }) => {
      const request = body(listSchema);
      if (request.end_time < request.start_time) throw new WecomError(40058, 'end_time is before start_time');
      if (request.end_time > oneMonthAfter(request.start_time))
        throw new WecomError(40058, 'start_time and end_time are at most one month apart');
      const filterType = request.filter_type ?? 2;
      const creator = request.creator?.toLowerCase();
      const rows = corp.massSends
        .list()
        .filter((t) => t.chat_type === request.chat_type)
        .filter((t) => t.create_time >= request.start_time && t.create_time <= request.end_time)
        .filter((t) => filterType === 2 || t.create_type === filterType)
        .filter((t) => creator === undefined || t.creator?.toLowerCase() === creator);
      const { page, nextCursor } = pageByCursor(rows, request.cursor, limitOf(request.limit, LIST_LIMIT));
      return { next_cursor: nextCursor, group_msg_list: page.map(listView) };
    },
  },
  '/externalcontact/get_groupmsg_task': {
    allowed: MASS_SEND_APIS,
    emptyOnError: { task_list: [] },
    handle: ({ corp, body }) => {
      const request = body(taskSchema);
      const template = corp.massSends.dispatched(request.msgid);
      const { page, nextCursor } = pageByCursor(
        template.tasks,
        request.cursor,
        limitOf(request.limit, TASK_LIMIT),
      );
      return {
        next_cursor: nextCursor,
        task_list: page.map((task) => ({
          userid: task.userid,
          status: task.status,
          ...(task.send_time !== undefined ? { send_time: task.send_time } : {}),
        })),
      };
    },
  },
  '/externalcontact/get_groupmsg_send_result': {
    allowed: MASS_SEND_APIS,
    emptyOnError: { send_list: [] },
    handle: ({ corp, body }) => {
      const request = body(resultSchema);
      const template = corp.massSends.dispatched(request.msgid);
      if (!request.userid) throw new WecomError(40058, 'userid is required');
      const userid = request.userid.toLowerCase();
      const task = template.tasks.find((t) => t.userid.toLowerCase() === userid);
      // A member without a task in this send gets an empty list; someone who is not a member, 40003.
      if (!task && !isMember(corp, request.userid)) throw new WecomError(40003, `userid ${request.userid}`);
      const idField = template.chat_type === 'single' ? 'external_userid' : 'chat_id';
      const { page, nextCursor } = pageByCursor(
        task ? task.recipients : [],
        request.cursor,
        limitOf(request.limit, TASK_LIMIT),
      );
      return {
        next_cursor: nextCursor,
        send_list: page.map((recipient) => ({
          [idField]: recipient.id,
          userid: task!.userid,
          status: recipient.status,
          ...(recipient.status === 1 ? { send_time: recipient.send_time } : {}),
        })),
      };
    },
  },
  '/externalcontact/remind_groupmsg_send': {
    allowed: MASS_SEND_APIS,
    handle: ({ corp, body }) => {
      corp.massSends.remind(body(msgidSchema).msgid);
      return {};
    },
  },
  '/externalcontact/cancel_groupmsg_send': {
    allowed: MASS_SEND_APIS,
    handle: ({ corp, body }) => {
      corp.massSends.cancel(body(msgidSchema).msgid);
      return {};
    },
  },
};

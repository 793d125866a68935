/**
 * /sim/corps/:corpId/mass-sends: what members do with mass-send tasks in their WeCom client, and what tests
 * read back. A member sends all, some or none of a task's pending recipients at a chosen time; a member may
 * also create a mass send of their own (create_type 1); the corp's receive cap and the dispatch delay are
 * settings. Listing counts templates per sender, so a test can prove no template was created twice.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Corp } from '../state/corp';
import { corpParamsSchema, requireCorp, type ScenarioDeps } from '../scenario/scenario-deps';
import { ScenarioError } from '../scenario/scenario-error';
import { withInput } from '../scenario/with-input';
import { attachmentSchema, checkedMessageContent } from '../wecom-api/welcome.routes';
import { activeMember, resolveAudience } from './audience';
import type { MassSendTemplate, Reachability, SendTask } from './mass-sends';

const msgParamsSchema = corpParamsSchema.extend({ msgid: z.string() });
const taskParamsSchema = msgParamsSchema.extend({ userid: z.string() });

const listQuerySchema = z.object({ sender: z.string().optional() });

const settingsSchema = z
  .object({
    receiveCap: z
      .object({ period: z.enum(['month', 'week', 'day']), limit: z.number().int().positive().optional() })
      .strict()
      .optional(),
    dispatchSeconds: z.number().min(0).optional(),
  })
  .strict();

const memberSendSchema = z
  .object({
    creator: z.string().min(1),
    chat_type: z.enum(['single', 'group']).default('single'),
    external_userid: z.array(z.string()).optional(),
    chat_id_list: z.array(z.string()).optional(),
    tag_filter: z.object({ group_list: z.array(z.object({ tag_list: z.array(z.string()) })) }).optional(),
    text: z.object({ content: z.string() }).optional(),
    attachments: z.array(attachmentSchema).optional(),
  })
  .strict();

const confirmSchema = z
  .object({
    /** external_userids (single) or chat_ids (group) to send to now; absent = every pending one, [] = none. */
    recipients: z.array(z.string()).optional(),
    /** When the member pressed send, in seconds; default the simulator's now. */
    at: z.number().int().positive().optional(),
  })
  .strict();

function reachability(corp: Corp): Reachability {
  // Read once per confirmation: groupChats.all() copies every group.
  const owners = new Map(corp.groupChats.all().map((chat) => [chat.chat_id, chat.owner.toLowerCase()]));
  return {
    isFriend: (userid, externalUserid) => corp.customers.hasRelation(userid, externalUserid),
    ownsGroup: (userid, chatId) => owners.get(chatId) === userid.toLowerCase(),
  };
}

function taskSummary(task: SendTask) {
  const count = (status: number) => task.recipients.filter((r) => r.status === status).length;
  return {
    userid: task.userid,
    status: task.status,
    ...(task.send_time !== undefined ? { send_time: task.send_time } : {}),
    recipients: { pending: count(0), sent: count(1), notFriend: count(2), overCap: count(3) },
  };
}

function templateSummary(template: Readonly<MassSendTemplate>) {
  const { tasks, ...rest } = template;
  return { ...rest, tasks: tasks.map(taskSummary) };
}

export function massSendRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  router.get(
    '/corps/:corpId/mass-sends',
    withInput({ params: corpParamsSchema, query: listQuerySchema }, ({ params, query }, res) => {
      const corp = requireCorp(state, params.corpId);
      const sender = query.sender?.toLowerCase();
      const templates = corp.massSends
        .list()
        .filter((t) => sender === undefined || t.tasks.some((task) => task.userid.toLowerCase() === sender));
      const perSender: Record<string, number> = {};
      for (const template of templates)
        for (const task of template.tasks) perSender[task.userid] = (perSender[task.userid] ?? 0) + 1;
      res.json({ templates: templates.map(templateSummary), perSender });
    }),
  );

  router.get(
    '/corps/:corpId/mass-sends/settings',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json(requireCorp(state, params.corpId).massSends.settings);
    }),
  );

  router.put(
    '/corps/:corpId/mass-sends/settings',
    withInput({ params: corpParamsSchema, body: settingsSchema }, ({ params, body }, res) => {
      const massSends = requireCorp(state, params.corpId).massSends;
      if (body.receiveCap) massSends.settings.receiveCap = body.receiveCap;
      if (body.dispatchSeconds !== undefined) massSends.settings.dispatchSeconds = body.dispatchSeconds;
      res.json(massSends.settings);
    }),
  );

  router.get(
    '/corps/:corpId/mass-sends/:msgid',
    withInput({ params: msgParamsSchema }, ({ params }, res) => {
      res.json({ template: requireCorp(state, params.corpId).massSends.get(params.msgid) });
    }),
  );

  // A member creates a mass send in the client (create_type 1, creator = the member and sole sender).
  router.post(
    '/corps/:corpId/mass-sends',
    withInput({ params: corpParamsSchema, body: memberSendSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      const creator = activeMember(corp, body.creator);
      const content = checkedMessageContent(corp, body);
      const audience = resolveAudience(corp, {
        chat_type: body.chat_type,
        sender: creator,
        external_userid: body.chat_type === 'single' ? body.external_userid : undefined,
        chat_id_list: body.chat_type === 'group' ? body.chat_id_list : undefined,
        tag_filter: body.chat_type === 'single' ? body.tag_filter : undefined,
      });
      const template = corp.massSends.create({
        chat_type: body.chat_type,
        create_type: 1,
        creator,
        content,
        allow_select: false,
        recipientsBySender: audience.recipientsBySender,
      });
      res.status(201).json({ msgid: template.msgid, fail_list: audience.failList });
    }),
  );

  router.post(
    '/corps/:corpId/mass-sends/:msgid/tasks/:userid/send',
    withInput({ params: taskParamsSchema, body: confirmSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      const massSends = corp.massSends;
      if (massSends.isCanceled(params.msgid))
        throw new ScenarioError(409, `mass send ${params.msgid} was canceled: nothing more can be sent`);
      const task = massSends.confirm(params.msgid, params.userid, body, reachability(corp));
      res.json({ task: taskSummary(task), results: task.recipients });
    }),
  );

  return router;
}

/**
 * The 会话内容存档 console and traffic: which members are archived, customers' consent answers, archiving one
 * message of any §15.3 kind, files for media messages, and realistic conversations at volume.
 * (Public-key uploads and plain text messages live in app.routes.ts.)
 */
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { ArchiveNotEnabledError } from '../archive/chat-archive';
import { ARCHIVED_MSG_TYPES, type ArchivedMsgType } from '../archive/archived-message';
import { generateConversations, NoConversationError } from '../archive/conversation-generator';
import { corpParamsSchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const msgtypeSchema = z.enum(ARCHIVED_MSG_TYPES as [ArchivedMsgType, ...ArchivedMsgType[]]);

const conversationsSchema = z
  .object({
    count: z.number().int().min(1).max(20_000),
    days: z.number().int().min(1).max(365).default(30),
    msgtypes: z.array(msgtypeSchema).min(1).optional(),
  })
  .strict();
const messageSchema = z
  .object({
    from: z.string().min(1),
    tolist: z.array(z.string().min(1)).min(1),
    roomid: z.string().optional(),
    msgtime: z.number().int().min(0).optional(),
    msgtype: msgtypeSchema,
    body: z.record(z.string(), z.unknown()),
  })
  .strict();
const permitSchema = z.object({ userids: z.array(z.string().min(1)).min(1) }).strict();
const agreementSchema = z
  .object({
    /** A member (single chat) or a customer group's chat_id (check_room_agree). */
    with: z.string().min(1),
    external_userid: z.string().min(1),
    status: z.enum(['Agree', 'Disagree', 'Default_Agree']),
  })
  .strict();
const mediaSchema = z
  .object({
    size: z
      .number()
      .int()
      .min(1)
      .max(20 * 1024 * 1024),
  })
  .strict();

/** Turns "the archive is off" into the console's 409. */
function whileEnabled<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ArchiveNotEnabledError) throw new ScenarioError(409, error.message);
    throw error;
  }
}

export function archiveRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  router.post(
    '/corps/:corpId/archive/conversations',
    withInput({ params: corpParamsSchema, body: conversationsSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      try {
        res.status(201).json(whileEnabled(() => generateConversations(corp, state.clock.nowMs(), body)));
      } catch (error) {
        if (error instanceof NoConversationError) throw new ScenarioError(409, error.message);
        throw error;
      }
    }),
  );

  router.post(
    '/corps/:corpId/archive/chat-messages',
    withInput({ params: corpParamsSchema, body: messageSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      const external = [body.from, ...body.tolist].some((id) => corp.customers.has(id));
      const data = whileEnabled(() => corp.archive.archive({ ...body, external }));
      res.status(201).json({ seq: data.seq, msgid: data.msgid, publickey_ver: data.publickey_ver });
    }),
  );

  router.post(
    '/corps/:corpId/archive/media',
    withInput({ params: corpParamsSchema, body: mediaSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.status(201).json(corp.archive.media.store(randomBytes(body.size)));
    }),
  );

  router.put(
    '/corps/:corpId/archive/permit-users',
    withInput({ params: corpParamsSchema, body: permitSchema }, ({ params, body }, res) => {
      const { archive } = requireCorp(state, params.corpId);
      archive.consent.permit(body.userids);
      res.json({ ids: archive.consent.permittedUsers() });
    }),
  );

  router.put(
    '/corps/:corpId/archive/agreements',
    withInput({ params: corpParamsSchema, body: agreementSchema }, ({ params, body }, res) => {
      const { archive } = requireCorp(state, params.corpId);
      archive.consent.setAnswer(body.with, body.external_userid, body.status, state.clock.nowSeconds());
      res.json(archive.consent.answerOf(body.with, body.external_userid));
    }),
  );

  return router;
}

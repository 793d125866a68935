/**
 * The WeCom client in front of the tester (API.md §16): who is logged in and which sidebar is open.
 * `PUT …/client-context` sets it for tests; `GET …/client?…&url=` sets it from a link and opens the
 * sidebar page, as clicking a chat-toolbar entry in the client does; `GET …/chat-tool-messages` lists what sidebar
 * pages sent into the chat.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CLIENT_ENTRIES, type ClientContext } from '../jssdk/client-context';
import { corpParamsSchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const contextSchema = z
  .object({
    userid: z.string().min(1),
    entry: z.enum(CLIENT_ENTRIES),
    externalUserid: z.string().min(1).optional(),
    chatId: z.string().min(1).optional(),
  })
  .strict();

const openSchema = contextSchema.extend({ url: z.url() }).strict();

export function clientContextRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  const apply = (corpId: string, context: ClientContext): ClientContext => {
    const corp = requireCorp(state, corpId);
    const member = corp.contacts.members.all().find((m) => m.userid === context.userid);
    if (!member) throw new ScenarioError(404, `member ${context.userid} not found`);
    corp.clientContext = { ...context };
    return corp.clientContext;
  };

  router.get(
    '/corps/:corpId/client-context',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json({ context: requireCorp(state, params.corpId).clientContext ?? null });
    }),
  );

  router.put(
    '/corps/:corpId/client-context',
    withInput({ params: corpParamsSchema, body: contextSchema }, ({ params, body }, res) => {
      res.json({ context: apply(params.corpId, body) });
    }),
  );

  /** What sidebar pages sent into the open chat (ww.sendChatMessage), oldest first. */
  router.get(
    '/corps/:corpId/chat-tool-messages',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json({ messages: requireCorp(state, params.corpId).chatToolMessages });
    }),
  );

  router.get(
    '/corps/:corpId/client',
    withInput({ params: corpParamsSchema, query: openSchema }, ({ params, query }, res) => {
      const { url, ...context } = query;
      apply(params.corpId, context);
      res.redirect(302, url);
    }),
  );

  return router;
}

/**
 * The admin console's settings of the corp's self-built app (name, 可见范围, 可信域名), its 会话内容存档
 * (public-key uploads, archived messages), and the phone side of web login: confirm a scan of a login
 * link as a member (or a non-member) without a browser.
 */
import { Router } from 'express';
import { z } from 'zod';
import { confirmScan, declineScan, parseLoginRequest, WebLoginError } from '../web-login/login-request';
import { ArchiveNotEnabledError } from '../archive/chat-archive';
import { corpParamsSchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const appSettingsSchema = z
  .object({
    name: z.string().min(1).max(64).optional(),
    visibility: z
      .object({ users: z.array(z.string()).default([]), departments: z.array(z.number().int()).default([]) })
      .strict()
      .optional(),
    redirectDomain: z.string().max(253).optional(),
  })
  .strict();

const publicKeySchema = z.object({ publicKey: z.string().min(1) }).strict();
const archiveTextSchema = z
  .object({
    from: z.string().min(1),
    tolist: z.array(z.string().min(1)).min(1),
    roomid: z.string().optional(),
    content: z.string().min(1),
  })
  .strict();

const scanSchema = z.union([
  z.object({ url: z.url(), userid: z.string().min(1) }).strict(),
  z.object({ url: z.url(), nonMember: z.literal(true) }).strict(),
  z.object({ url: z.url(), decline: z.literal(true) }).strict(),
]);

export function appRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  router.put(
    '/corps/:corpId/app',
    withInput({ params: corpParamsSchema, body: appSettingsSchema }, ({ params, body }, res) => {
      const { app } = requireCorp(state, params.corpId);
      if (body.name !== undefined) app.name = body.name;
      if (body.visibility !== undefined) app.visibility = body.visibility;
      if (body.redirectDomain !== undefined) app.redirectDomain = body.redirectDomain;
      res.json({
        agentId: app.agentId,
        name: app.name,
        visibility: app.visibility,
        redirectDomain: app.redirectDomain,
      });
    }),
  );

  router.post(
    '/corps/:corpId/archive/public-keys',
    withInput({ params: corpParamsSchema, body: publicKeySchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      try {
        res.status(201).json({ publickey_ver: corp.archive.uploadPublicKey(body.publicKey) });
      } catch {
        throw new ScenarioError(400, 'publicKey is not a PEM public key');
      }
    }),
  );

  router.post(
    '/corps/:corpId/archive/messages',
    withInput({ params: corpParamsSchema, body: archiveTextSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      try {
        const data = corp.archive.archiveText(body);
        res.status(201).json({ seq: data.seq, msgid: data.msgid, publickey_ver: data.publickey_ver });
      } catch (error) {
        if (error instanceof ArchiveNotEnabledError) throw new ScenarioError(409, error.message);
        throw error;
      }
    }),
  );

  router.post(
    '/web-login/scan',
    withInput({ body: scanSchema }, ({ body }, res) => {
      const url = new URL(body.url);
      try {
        const request = parseLoginRequest(state, url.searchParams, url.pathname.endsWith('/qrConnect'));
        const location =
          'decline' in body
            ? declineScan(request)
            : confirmScan(state, request, 'userid' in body ? { userid: body.userid } : { nonMember: true });
        res.json({ location: location.toString() });
      } catch (error) {
        if (!(error instanceof WebLoginError)) throw error;
        res.status(400).json({ error: error.message, errcode: error.errcode });
      }
    }),
  );

  return router;
}

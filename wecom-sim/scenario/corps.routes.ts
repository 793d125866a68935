/**
 * /sim/corps: list and create corps, show one in full, and invalidate its tokens early (WeCom may do that at
 * any time, so clients must recover from 40014 and 42001).
 */
import { Router } from 'express';
import { z } from 'zod';
import { CorpExistsError } from '../state/sim-state';
import { corpIdentityView, corpSummaryView } from './corp-summary';
import { corpParamsSchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a secret is 1-64 of [A-Za-z0-9_-]');

const createCorpSchema = z
  .object({
    name: z.string().min(1).max(64),
    corpId: z
      .string()
      .regex(/^ww[0-9a-f]{16}$/, 'corpId is "ww" followed by 16 lower-case hex digits')
      .optional(),
    secrets: z
      .object({
        contacts: secretSchema.optional(),
        externalContact: secretSchema.optional(),
        app: secretSchema.optional(),
        archive: secretSchema.optional(),
      })
      .strict()
      .optional(),
    appAgentId: z.number().int().positive().optional(),
  })
  .strict();

const contactsPermissionSchema = z.object({ mode: z.enum(['read-write', 'read-only']) }).strict();

const wechatDeveloperSchema = z.object({ bound: z.boolean() }).strict();

const invalidateSchema = z.object({ mode: z.enum(['revoke', 'expire']).default('revoke') }).strict();

export function corpsRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  router.get('/corps', (_req, res) => {
    res.json({ corps: state.listCorps().map(corpIdentityView) });
  });

  router.post(
    '/corps',
    withInput({ body: createCorpSchema }, ({ body }, res) => {
      try {
        res.status(201).json(corpSummaryView(state, state.createCorp(body)));
      } catch (error) {
        if (error instanceof CorpExistsError) throw new ScenarioError(409, error.message);
        throw error;
      }
    }),
  );

  router.get(
    '/corps/:corpId',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json(corpSummaryView(state, requireCorp(state, params.corpId)));
    }),
  );

  router.post(
    '/corps/:corpId/tokens/invalidate',
    withInput({ params: corpParamsSchema, body: invalidateSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      res.json({ mode: body.mode, invalidated: state.tokens.invalidateCorp(corp.corpId, body.mode) });
    }),
  );

  router.put(
    '/corps/:corpId/contacts-permission',
    withInput({ params: corpParamsSchema, body: contactsPermissionSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      corp.contactsReadOnly = body.mode === 'read-only';
      res.json({ mode: body.mode });
    }),
  );

  // 客户联系 → 绑定微信开发者ID in the console: while bound, WeChat users come with their unionid.
  router.put(
    '/corps/:corpId/wechat-developer',
    withInput({ params: corpParamsSchema, body: wechatDeveloperSchema }, ({ params, body }, res) => {
      const corp = requireCorp(state, params.corpId);
      corp.wechatDeveloperBound = body.bound;
      res.json({ bound: corp.wechatDeveloperBound });
    }),
  );

  return router;
}

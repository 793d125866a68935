/**
 * /sim/corps/:corpId/callbacks: save the contacts or customers (客户联系) callback settings (only after WeCom's
 * URL verification passes, as in the admin console), read the delivery log, and replay a delivered event.
 */
import { Router } from 'express';
import { z } from 'zod';
import { CALLBACK_TARGETS, callbackConfigSchema } from '../callbacks/callback-config';
import { verifyCallbackUrl } from '../callbacks/url-verification';
import { recordIssuedSecrets } from '../state/issued-secrets';
import { corpParamsSchema, deliveryModeQuerySchema, requireCorp, type ScenarioDeps } from './scenario-deps';
import { ScenarioError } from './scenario-error';
import { withInput } from './with-input';

const targetParamsSchema = corpParamsSchema.extend({ target: z.enum(CALLBACK_TARGETS) });
const replayParamsSchema = corpParamsSchema.extend({ deliveryId: z.string() });

export function callbacksRoutes({ state, emitter, verificationTimeoutMs }: ScenarioDeps): Router {
  const router = Router();

  router.put(
    '/corps/:corpId/callbacks/:target',
    withInput(
      { params: targetParamsSchema, body: callbackConfigSchema.strict() },
      async ({ params, body }, res) => {
        const corp = requireCorp(state, params.corpId);
        const result = await verifyCallbackUrl(body, corp.corpId, {
          clock: state.clock,
          timeoutMs: verificationTimeoutMs,
        });
        if (!result.verified) {
          res.status(400).json({ verified: false, error: result.reason, response: result.response ?? null });
          return;
        }
        corp.callbacks[params.target] = body;
        recordIssuedSecrets(body.token, body.encodingAesKey);
        res.json({ verified: true, callback: body });
      },
    ),
  );

  router.get(
    '/corps/:corpId/callbacks/deliveries',
    withInput({ params: corpParamsSchema }, ({ params }, res) => {
      res.json({ deliveries: requireCorp(state, params.corpId).callbacks.deliveries.list() });
    }),
  );

  router.post(
    '/corps/:corpId/callbacks/replay/:deliveryId',
    withInput(
      { params: replayParamsSchema, query: deliveryModeQuerySchema },
      async ({ params, query }, res) => {
        const corp = requireCorp(state, params.corpId);
        const original = corp.callbacks.deliveries.find(params.deliveryId);
        if (!original) throw new ScenarioError(404, `delivery ${params.deliveryId} not found`);
        const delivery = await emitter.replay(corp, original, query.mode);
        if (!delivery)
          throw new ScenarioError(409, `corp ${corp.corpId} has no ${original.target} callback configured`);
        res.json({ delivery });
      },
    ),
  );

  return router;
}

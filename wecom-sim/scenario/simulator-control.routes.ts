/** /sim/health, /sim/clock/advance and /sim/reset: the simulator as a whole. */
import { Router } from 'express';
import { z } from 'zod';
import type { ScenarioDeps } from './scenario-deps';
import { withInput } from './with-input';

const advanceSchema = z.object({ seconds: z.number().positive().finite() }).strict();
const latencySchema = z
  .object({
    path: z.string().startsWith('/', 'path is a WeCom API path such as /user/list'),
    ms: z.number().int().min(0).max(60_000),
  })
  .strict();

const outageSchema = z
  .object({
    path: z.string().startsWith('/', 'path is a WeCom API path such as /externalcontact/mark_tag'),
    /** The errcode every call answers while the outage lasts; null ends it. */
    errcode: z.number().int().nullable().default(-1),
  })
  .strict();

export function simulatorControlRoutes({ state }: ScenarioDeps): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  router.post(
    '/clock/advance',
    withInput({ body: advanceSchema }, ({ body }, res) => {
      state.clock.advance(body.seconds);
      res.json({
        now: new Date(state.clock.nowMs()).toISOString(),
        offsetSeconds: state.clock.offsetSeconds(),
      });
    }),
  );

  router.put(
    '/latency',
    withInput({ body: latencySchema }, ({ body }, res) => {
      state.latency.set(body.path, body.ms);
      res.json({ latency: state.latency.list() });
    }),
  );

  router.put(
    '/outage',
    withInput({ body: outageSchema }, ({ body }, res) => {
      state.outage.set(body.path, body.errcode);
      res.json({ outages: state.outage.list() });
    }),
  );

  router.post('/reset', (_req, res) => {
    state.reset();
    res.json({ ok: true, corps: state.listCorps().map((corp) => corp.corpId) });
  });

  return router;
}

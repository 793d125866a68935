/** /sim/health, /sim/clock, /sim/clock/advance, /sim/latency, /sim/rate-limit, /sim/outage and /sim/reset: the simulator as a whole. */
import { Router } from 'express';
import { z } from 'zod';
import type { ScenarioDeps } from './scenario-deps';
import { withInput } from './with-input';
import { announceAllTransfers } from '../transfer/transfer-console.routes';

const advanceSchema = z.object({ seconds: z.number().positive().finite() }).strict();
const latencySchema = z
  .object({
    path: z.string().startsWith('/', 'path is a WeCom API path such as /user/list'),
    ms: z.number().int().min(0).max(60_000),
    /** Only this corp's calls; absent, every corp's. */
    corpId: z.string().min(1).optional(),
  })
  .strict();

const rateLimitSchema = z
  .object({
    path: z.string().startsWith('/', 'path is a WeCom API path such as /user/list'),
    perMinute: z.number().int().positive().optional(),
    concurrent: z.number().int().positive().optional(),
  })
  .strict();

const outageSchema = z
  .object({
    mode: z.enum(['busy', 'http-503', 'off']),
    paths: z.array(z.string().startsWith('/', 'paths are WeCom API paths such as /user/create')).optional(),
    /** Only this corp's calls; absent, every corp's. `off` ends the outage of that scope only. */
    corpId: z.string().min(1).optional(),
  })
  .strict();

export function simulatorControlRoutes({ state, emitter }: ScenarioDeps): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  // The simulator's now, which tests that date activity in the past (statistics) count back from.
  router.get('/clock', (_req, res) => {
    res.json({
      now: new Date(state.clock.nowMs()).toISOString(),
      offsetSeconds: state.clock.offsetSeconds(),
    });
  });

  router.post(
    '/clock/advance',
    withInput({ body: advanceSchema }, async ({ body }, res) => {
      state.clock.advance(body.seconds);
      // Customer transfers whose 24 h are now up take place, and WeCom's events for them go out.
      await announceAllTransfers(state, emitter);
      res.json({
        now: new Date(state.clock.nowMs()).toISOString(),
        offsetSeconds: state.clock.offsetSeconds(),
      });
    }),
  );

  router.put(
    '/latency',
    withInput({ body: latencySchema }, ({ body }, res) => {
      state.latency.set(body.path, body.ms, body.corpId);
      res.json({ latency: state.latency.list() });
    }),
  );

  router.put(
    '/rate-limit',
    withInput({ body: rateLimitSchema }, ({ body }, res) => {
      state.rateLimit.set(body.path, { perMinute: body.perMinute, concurrent: body.concurrent });
      res.json({ limits: state.rateLimit.list() });
    }),
  );

  router.get('/rate-limit', (_req, res) => {
    res.json({ limits: state.rateLimit.list() });
  });

  router.put(
    '/outage',
    withInput({ body: outageSchema }, ({ body }, res) => {
      if (body.mode === 'off') state.outage.stop(body.corpId);
      else state.outage.start({ mode: body.mode, paths: body.paths }, body.corpId);
      res.json(state.outage.status(body.corpId));
    }),
  );

  router.get('/outage', (req, res) => {
    res.json(state.outage.status(typeof req.query.corpId === 'string' ? req.query.corpId : undefined));
  });

  router.post('/reset', (_req, res) => {
    state.reset();
    res.json({ ok: true, corps: state.listCorps().map((corp) => corp.corpId) });
  });

  return router;
}

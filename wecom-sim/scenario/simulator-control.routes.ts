/** /sim/health, /sim/clock/advance and /sim/reset: the simulator as a whole. */
import { Router } from 'express';
import { z } from 'zod';
import type { ScenarioDeps } from './scenario-deps';
import { withInput } from './with-input';

const advanceSchema = z.object({ seconds: z.number().positive().finite() }).strict();

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

  router.post('/reset', (_req, res) => {
    state.reset();
    res.json({ ok: true, corps: state.listCorps().map((corp) => corp.corpId) });
  });

  return router;
}

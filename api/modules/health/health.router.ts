import { Router } from 'express';
import { healthResponseSchema } from '../../../lib/contracts/health.contract';
import type { AppContext } from '../../app-context';
import { defineRoute } from '../../http/define-route';
import { checkComponents } from './check-components';

export function createHealthRouter(app: AppContext): Router {
  const { registry } = app;
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/health',
      summary: 'Health of every component (mongo, elasticsearch, temporal, wecom) with latency',
      tags: ['operations'],
      authenticated: false,
      responses: {
        200: { description: 'Every component is up', schema: healthResponseSchema },
        503: { description: 'At least one component is down', schema: healthResponseSchema },
      },
    },
    async (_input, _req, res) => {
      const health = await checkComponents(app);
      res.status(health.status === 'ok' ? 200 : 503).json(health);
    },
  );
  return router;
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { healthResponseSchema } from '../../../lib/contracts/health.contract';
import { defineRoute } from '../../http/define-route';
import { checkComponents, type HealthDeps } from './check-components';

export function createHealthRouter(registry: OpenAPIRegistry, deps: HealthDeps): Router {
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
      const health = await checkComponents(deps);
      res.status(health.status === 'ok' ? 200 : 503).json(health);
    },
  );
  return router;
}

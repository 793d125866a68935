import { Router } from 'express';
import { tenantParamsSchema } from '../../../lib/contracts/platform.contract';
import { wecomHealthSchema } from '../../../lib/contracts/wecom-binding.contract';
import type { AppContext } from '../../app-context';
import { requirePlatformSession } from '../../auth/platform-session';
import { defineRoute } from '../../http/define-route';
import { platformWeComHealth } from './wecom-health.use-case';

/**
 * The same WeCom health panel for platform operators, per tenant: setup is where tenants struggle, and
 * support should see a tenant's error codes, tokens, backlog and sync lag without logging in as them.
 */
export function createPlatformWeComHealthRouter(app: AppContext): Router {
  const { registry, config } = app;
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/platform/tenants/:tenantId/wecom-health',
      summary:
        "A tenant's WeCom health (error-code rates, tokens, rate-limit headroom, callback backlog, sync lag)",
      tags: ['platform'],
      authenticated: true,
      security: 'platform',
      guards: [requirePlatformSession(config.jwtSecret)],
      request: { params: tenantParamsSchema },
      responses: { 200: { description: 'The health panel', schema: wecomHealthSchema } },
    },
    async ({ params }, _req, res) => {
      res.json(await platformWeComHealth(params, app));
    },
  );
  return router;
}

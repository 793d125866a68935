import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { tenantParamsSchema } from '../../../lib/contracts/platform.contract';
import { wecomHealthSchema } from '../../../lib/contracts/wecom-binding.contract';
import { TenantModel } from '../../../lib/models/tenant.model';
import type { WeComCallStats } from '../../../lib/wecom/call-stats';
import { requirePlatformSession } from '../../auth/platform-session';
import { notFound } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { wecomHealth } from './wecom-health.use-case';

/**
 * The same WeCom health panel for platform operators, per tenant: setup is where tenants struggle, and
 * support should see a tenant's error codes, tokens, backlog and sync lag without logging in as them.
 */
export function createPlatformWeComHealthRouter(
  registry: OpenAPIRegistry,
  options: { jwtSecret: string; wecomStats: WeComCallStats },
): Router {
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
      guards: [requirePlatformSession(options.jwtSecret)],
      request: { params: tenantParamsSchema },
      responses: { 200: { description: 'The health panel', schema: wecomHealthSchema } },
    },
    async ({ params }, _req, res) => {
      if (!(await TenantModel.exists({ _id: params.tenantId })))
        throw notFound('企业不存在', 'TENANT_NOT_FOUND');
      await options.wecomStats.flush();
      res.json(await wecomHealth(params.tenantId));
    },
  );
  return router;
}

import { Router } from 'express';
import {
  analyticsBackfillRequestSchema,
  analyticsBackfillStatusSchema,
} from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { analyticsBackfillStatus, startAnalyticsBackfill } from './analytics-rollups.use-case';

const PATH = '/api/analytics/rollups/backfill';
/** 补算 recomputes what 客户分析 shows, so it belongs to whoever may see it. */
const PERMISSION = 'analytics.customers';

/** 统计分析's rollups (W-16): start a 补算 of a past range, and follow it. */
export function createAnalyticsRollupsRouter({ registry, authenticate, temporal }: AppContext): Router {
  const router = Router();
  const common = { tags: ['analytics-rollups'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: PATH,
      permission: PERMISSION,
      summary: '补算: recompute the daily rollups of a past range (≤366 days; WeCom figures ≤180 days back)',
      request: { body: analyticsBackfillRequestSchema },
      responses: {
        202: { description: 'Backfill started', schema: analyticsBackfillStatusSchema },
        400: { description: '日期不合法' },
        409: { description: '补算进行中' },
      },
    },
    async ({ body }, req, res) => {
      const started = await startAnalyticsBackfill(callerOf(req, res), body, { temporal });
      res.status(202).location(PATH).json(started);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: PATH,
      permission: PERMISSION,
      summary: "The tenant's latest backfill: days done of the range, the last day done, its failure",
      responses: { 200: { description: 'Backfill status', schema: analyticsBackfillStatusSchema } },
    },
    async (_input, req, res) => {
      res.json(await analyticsBackfillStatus(callerOf(req, res), { temporal }));
    },
  );
  return router;
}

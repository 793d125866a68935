import { Router } from 'express';
import { consistencyPageSchema, consistencyQuerySchema } from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { consistencyRows } from './analytics-consistency.use-case';

/** 统计分析 → 员工分析 → 数据核对: WeCom's figures beside ours. */
export function createAnalyticsConsistencyRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  defineRoute(
    registry,
    router,
    {
      tags: ['analytics'],
      authenticated: true,
      guards: [authenticate],
      method: 'get',
      path: '/api/analytics/consistency',
      permission: 'analytics.staff',
      summary: '数据核对: per staff member and day, WeCom’s 联系客户统计 counts beside ours, newest first',
      request: { query: consistencyQuerySchema },
      responses: { 200: { description: 'A page of days and the sums', schema: consistencyPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await consistencyRows(callerOf(req, res), query, app));
    },
  );
  return router;
}

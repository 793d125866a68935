import { Router } from 'express';
import type { z } from 'zod';
import {
  sensitiveAnalysisQuerySchema,
  sensitiveAnalysisSchema,
  sensitiveRankingExportQuerySchema,
  sensitiveRankingPageSchema,
  sensitiveRankingQuerySchema,
  sensitiveWordRankingExportQuerySchema,
  sensitiveWordRankingPageSchema,
  sensitiveWordRankingQuerySchema,
  type SensitiveAnalysisQuery,
} from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { defineTableRoutes, type TableRoutes } from '../../http/define-table-routes';
import { sensitiveAnalysis } from './sensitive-analytics.use-case';
import {
  BEHAVIOR_RANKING,
  rankingPage,
  streamRankingWorkbook,
  WORD_RANKING,
  type SensitiveRanking,
} from './sensitive-rankings';

/** What every route here shares: signed in, tagged for the OpenAPI document. */
const routeBase = ({ authenticate }: AppContext) => ({
  tags: ['sensitive-analytics'],
  authenticated: true as const,
  guards: [authenticate],
});

/** 统计分析 → 敏感行为分析: charts and rankings over the 敏感行为审核 records, within 数据权限. */
export function createSensitiveAnalyticsRouter(app: AppContext): Router {
  const router = Router();

  defineRoute(
    app.registry,
    router,
    {
      ...routeBase(app),
      method: 'get',
      path: '/api/analytics/sensitive-behaviors',
      permission: 'analytics.sensitive-behaviors',
      summary:
        '敏感行为占比, 敏感行为趋势图, 敏感词 TOP5 and 敏感词趋势图 (a word once per message); default range: first trigger to today',
      request: { query: sensitiveAnalysisQuerySchema },
      responses: { 200: { description: 'The charts', schema: sensitiveAnalysisSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await sensitiveAnalysis(callerOf(req, res), query, app));
    },
  );

  defineRankingRoutes(app, router, BEHAVIOR_RANKING, {
    path: '/api/analytics/sensitive-behaviors/ranking',
    summary: '触发敏感行为排名: staff (部门) or customers (跟进人), sorted by any column, paged',
    query: sensitiveRankingQuerySchema,
    page: { description: 'A page of the ranking', schema: sensitiveRankingPageSchema },
    exportSummary: '导出 触发敏感行为排名 as .xlsx (every row, in the asked order, streamed)',
    exportQuery: sensitiveRankingExportQuerySchema,
  });
  defineRankingRoutes(app, router, WORD_RANKING, {
    path: '/api/analytics/sensitive-words/ranking',
    summary: '敏感词触发排名: the view’s senders by sensitive-word hits (a word once per message), paged',
    query: sensitiveWordRankingQuerySchema,
    page: { description: 'A page of the ranking', schema: sensitiveWordRankingPageSchema },
    exportSummary: '导出 敏感词触发排名 as .xlsx (every row, streamed)',
    exportQuery: sensitiveWordRankingExportQuerySchema,
  });

  return router;
}

/** A ranking's two endpoints: a page of it, and 导出 of every row in the same order. */
function defineRankingRoutes<
  Q extends SensitiveAnalysisQuery,
  R extends { id: string; rank: number },
  Row extends Record<string, unknown>,
>(
  app: AppContext,
  router: Router,
  ranking: SensitiveRanking<Q, R, Row>,
  table: Omit<
    TableRoutes<z.ZodType<Q & { page: number; pageSize: number }>, z.ZodType<Q>>,
    'tags' | 'guards' | 'permission' | 'exportPermission'
  >,
): void {
  defineTableRoutes(
    app.registry,
    router,
    {
      ...routeBase(app),
      ...table,
      permission: 'analytics.sensitive-behaviors',
      exportPermission: 'analytics.sensitive-behaviors.export',
    },
    {
      page: (query, req, res) => rankingPage(ranking, callerOf(req, res), query, app),
      workbook: (query, req, res) => streamRankingWorkbook(ranking, callerOf(req, res), query, app, res),
    },
  );
}

import { Router } from 'express';
import {
  sensitiveAnalysisQuerySchema,
  sensitiveAnalysisSchema,
  sensitiveRankingExportQuerySchema,
  sensitiveRankingPageSchema,
  sensitiveRankingQuerySchema,
  sensitiveWordRankingExportQuerySchema,
  sensitiveWordRankingPageSchema,
  sensitiveWordRankingQuerySchema,
} from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { XLSX_CONTENT_TYPE } from '../../http/xlsx-download';
import { streamRankingWorkbook, streamWordRankingWorkbook } from './sensitive-analytics-export';
import {
  pageOfRanked,
  rankedSenders,
  rankedWordSenders,
  rankingRows,
  sensitiveAnalysis,
  wordRankingRows,
} from './sensitive-analytics.use-case';

/** 统计分析 → 敏感行为分析: charts and rankings over the 敏感行为审核 records, within 数据权限. */
export function createSensitiveAnalyticsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['sensitive-analytics'], authenticated: true as const, guards: [authenticate] };
  const xlsx = { 200: { description: 'The workbook', contentType: XLSX_CONTENT_TYPE } };

  defineRoute(
    registry,
    router,
    {
      ...common,
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

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/sensitive-behaviors/ranking',
      permission: 'analytics.sensitive-behaviors',
      summary: '触发敏感行为排名: staff (部门) or customers (跟进人), sorted by any column, paged',
      request: { query: sensitiveRankingQuerySchema },
      responses: { 200: { description: 'A page of the ranking', schema: sensitiveRankingPageSchema } },
    },
    async ({ query }, req, res) => {
      const caller = callerOf(req, res);
      const ranked = await rankedSenders(caller, query, app);
      const page = pageOfRanked(ranked, query.page, query.pageSize);
      res.json({
        items: await rankingRows(caller.tenantId, query.view, page),
        total: ranked.length,
        page: query.page,
        pageSize: query.pageSize,
      });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/sensitive-behaviors/ranking/export',
      permission: 'analytics.sensitive-behaviors.export',
      summary: '导出 触发敏感行为排名 as .xlsx (every row, in the asked order, streamed)',
      request: { query: sensitiveRankingExportQuerySchema },
      responses: xlsx,
    },
    async ({ query }, req, res) => {
      await streamRankingWorkbook(callerOf(req, res), query, app, res);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/sensitive-words/ranking',
      permission: 'analytics.sensitive-behaviors',
      summary: '敏感词触发排名: the view’s senders by sensitive-word hits (a word once per message), paged',
      request: { query: sensitiveWordRankingQuerySchema },
      responses: { 200: { description: 'A page of the ranking', schema: sensitiveWordRankingPageSchema } },
    },
    async ({ query }, req, res) => {
      const caller = callerOf(req, res);
      const ranked = await rankedWordSenders(caller, query, app);
      const page = pageOfRanked(ranked, query.page, query.pageSize);
      res.json({
        items: await wordRankingRows(caller.tenantId, query.view, page),
        total: ranked.length,
        page: query.page,
        pageSize: query.pageSize,
      });
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/sensitive-words/ranking/export',
      permission: 'analytics.sensitive-behaviors.export',
      summary: '导出 敏感词触发排名 as .xlsx (every row, streamed)',
      request: { query: sensitiveWordRankingExportQuerySchema },
      responses: xlsx,
    },
    async ({ query }, req, res) => {
      await streamWordRankingWorkbook(callerOf(req, res), query, app, res);
    },
  );

  return router;
}

import { Router } from 'express';
import {
  analyticsRangeQuerySchema,
  analyticsStaffOptionsSchema,
  consistencyPageSchema,
  consistencyQuerySchema,
  customerChatAnalysisSchema,
  customerGroupAnalysisSchema,
  customerOverviewSchema,
  groupDetailPageSchema,
  groupDetailQuerySchema,
  staffContactExportQuerySchema,
  staffContactPageSchema,
  staffContactQuerySchema,
  staffGroupExportQuerySchema,
  staffGroupPageSchema,
  staffGroupQuerySchema,
} from '../../../lib/contracts/analytics.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { defineTableRoutes } from '../../http/define-table-routes';
import { XLSX_CONTENT_TYPE } from '../../http/xlsx-download';
import {
  STAFF_CONTACTS,
  STAFF_GROUPS,
  streamGroupDetailWorkbook,
  streamStaffWorkbook,
} from './analytics-export';
import { analyticsStaffOptions } from './analytics-scope';
import { consistencyPage } from './consistency.use-case';
import {
  customerChatAnalysis,
  customerGroupAnalysis,
  customerOverview,
  groupDetailPage,
} from './customer-analysis.use-case';
import { staffContactPage, staffGroupPage } from './staff-analysis.use-case';

/**
 * 统计分析 → 客户分析 and 员工分析 (§6.1, §6.2): read from the daily rollups' read models, within the caller's
 * 数据权限 (by the staff member, I-104).
 */
export function createAnalyticsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['analytics'], authenticated: true as const, guards: [authenticate] };
  const workbook = { 200: { description: 'The workbook', contentType: XLSX_CONTENT_TYPE } };
  const staffTable = {
    tags: common.tags,
    guards: common.guards,
    permission: 'analytics.staff',
    exportPermission: 'analytics.staff.export',
  };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/staff-options',
      permission: ['analytics.customers', 'analytics.staff'],
      summary: '按员工查询: the staff inside the caller’s 数据权限',
      responses: { 200: { description: 'The picker’s staff', schema: analyticsStaffOptionsSchema } },
    },
    async (_input, req, res) => {
      res.json(await analyticsStaffOptions(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/customers/overview',
      permission: 'analytics.customers',
      summary: '客户概览: the four cards, 增长趋势 (every day), 客户来源分布 and 客户标签分布',
      request: { query: analyticsRangeQuerySchema },
      responses: { 200: { description: 'The overview', schema: customerOverviewSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await customerOverview(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/customers/chats',
      permission: 'analytics.customers',
      summary: '客户聊天分析: the cards and each day’s figures (ratios as numerator and denominator)',
      request: { query: analyticsRangeQuerySchema },
      responses: { 200: { description: 'The chat analysis', schema: customerChatAnalysisSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await customerChatAnalysis(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/customers/groups',
      permission: 'analytics.customers',
      summary: '客户群聊分析: the cards (totals as of the last day) and each day’s figures',
      request: { query: analyticsRangeQuerySchema },
      responses: { 200: { description: 'The group analysis', schema: customerGroupAnalysisSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await customerGroupAnalysis(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/customers/group-days',
      permission: 'analytics.customers',
      summary:
        '群聊明细 / 群成员明细: the range’s days, newest first, paginated; 员工/部门 全公司 or the chosen',
      request: { query: groupDetailQuerySchema },
      responses: { 200: { description: 'A page of days', schema: groupDetailPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await groupDetailPage(callerOf(req, res), query, app));
    },
  );

  for (const [kind, name] of [
    ['chats', '群聊明细'],
    ['members', '群成员明细'],
  ] as const) {
    defineRoute(
      registry,
      router,
      {
        ...common,
        method: 'get',
        path: `/api/analytics/customers/group-${kind}/export`,
        permission: 'analytics.customers.export',
        summary: `导出 ${name} as .xlsx (every day of the range, newest first)`,
        request: { query: analyticsRangeQuerySchema },
        responses: workbook,
      },
      async ({ query }, req, res) => {
        await streamGroupDetailWorkbook(callerOf(req, res), kind, query, app, res);
      },
    );
  }

  defineTableRoutes(
    registry,
    router,
    {
      ...staffTable,
      path: '/api/analytics/staff/contacts',
      summary: '客户沟通: one row per member, every numeric column sortable, paginated',
      query: staffContactQuerySchema,
      page: { description: 'A page of members', schema: staffContactPageSchema },
      exportSummary: '导出 客户沟通 as .xlsx, in the table’s order',
      exportQuery: staffContactExportQuerySchema,
    },
    {
      page: (query, req, res) => staffContactPage(callerOf(req, res), query, app),
      workbook: (query, req, res) => streamStaffWorkbook(STAFF_CONTACTS, callerOf(req, res), query, app, res),
    },
  );

  defineTableRoutes(
    registry,
    router,
    {
      ...staffTable,
      path: '/api/analytics/staff/groups',
      summary: '客户群沟通: one row per 群主, every numeric column sortable, paginated',
      query: staffGroupQuerySchema,
      page: { description: 'A page of group owners', schema: staffGroupPageSchema },
      exportSummary: '导出 客户群沟通 as .xlsx, in the table’s order',
      exportQuery: staffGroupExportQuerySchema,
    },
    {
      page: (query, req, res) => staffGroupPage(callerOf(req, res), query, app),
      workbook: (query, req, res) => streamStaffWorkbook(STAFF_GROUPS, callerOf(req, res), query, app, res),
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/analytics/consistency',
      permission: 'analytics.staff',
      summary: '数据核对: per staff member and day, WeCom’s 联系客户统计 counts beside ours, newest first',
      request: { query: consistencyQuerySchema },
      responses: { 200: { description: 'A page of days and the sums', schema: consistencyPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await consistencyPage(callerOf(req, res), query, app));
    },
  );

  return router;
}

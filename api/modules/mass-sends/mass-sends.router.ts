import { Router } from 'express';
import {
  audiencePreviewQuerySchema,
  audiencePreviewSchema,
  massSendDetailSchema,
  massSendInputSchema,
  massSendListQuerySchema,
  massSendPageSchema,
  massSendParamsSchema,
  massSendRefreshSchema,
  massSendResultExportQuerySchema,
  massSendResultPageSchema,
  massSendResultQuerySchema,
  massSendRowSchema,
} from '../../../lib/contracts/mass-send.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { XLSX_CONTENT_TYPE } from '../../http/xlsx-download';
import { streamMassSendResultsWorkbook } from './mass-send-results-export';
import {
  cancelMassSend,
  createMassSend,
  deleteMassSend,
  listMassSends,
  massSendDetail,
  massSendResults,
  previewMassSendAudience,
  refreshMassSendResults,
  remindMassSend,
  updateMassSend,
} from './mass-send.use-case';

const MENU = 'customer.mass-messages';

/** 客户管理 → 群发管理: the list, 新建 / 编辑 / 删除 / 取消, the audience preview, 群发详情 and its results. */
export function createMassSendsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['mass-sends'], authenticated: true as const, guards: [authenticate] };
  const row = { 200: { description: 'The send as it stands', schema: massSendRowSchema } };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/mass-sends',
      permission: MENU,
      summary:
        '群发列表: by 群发类型, 状态, 创建人 (fuzzy); newest first; a member’s own, or all with 全部 数据权限',
      request: { query: massSendListQuerySchema },
      responses: { 200: { description: 'A page of sends', schema: massSendPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listMassSends(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/mass-sends/audience-preview',
      permission: [`${MENU}.create`, `${MENU}.edit`],
      summary:
        '查看发送客户列表: how many the audience reaches now, and a page of who, each with their sender',
      request: { body: audiencePreviewQuerySchema },
      responses: { 200: { description: 'The preview', schema: audiencePreviewSchema } },
    },
    async ({ body }, req, res) => {
      res.json(await previewMassSendAudience(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/mass-sends',
      permission: `${MENU}.create`,
      summary: '新建群发: a draft, or 立即发送 / 定时发送 (at least 5 minutes ahead)',
      request: { body: massSendInputSchema },
      responses: {
        201: { description: 'Saved', schema: massSendRowSchema },
        503: { description: 'Kept as a draft: the send service is unavailable' },
      },
    },
    async ({ body }, req, res) => {
      res.status(201).json(await createMassSend(callerOf(req, res), body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/mass-sends/:sendId',
      permission: MENU,
      summary: '群发详情: the send, its set-up and per member how far it got',
      request: { params: massSendParamsSchema },
      responses: { 200: { description: 'The send', schema: massSendDetailSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await massSendDetail(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/mass-sends/:sendId',
      permission: `${MENU}.edit`,
      summary: '编辑群发: a draft, or a 待发送 before its time (refused once it is going out)',
      request: { params: massSendParamsSchema, body: massSendInputSchema },
      responses: { ...row, 409: { description: '群发已开始发送，无法编辑' } },
    },
    async ({ params, body }, req, res) => {
      res.json(await updateMassSend(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/mass-sends/:sendId',
      permission: `${MENU}.delete`,
      summary: '删除 a draft',
      request: { params: massSendParamsSchema },
      responses: { 204: { description: 'Deleted' }, 409: { description: '只能删除草稿' } },
    },
    async ({ params }, req, res) => {
      await deleteMassSend(callerOf(req, res), params, app);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/mass-sends/:sendId/cancel',
      permission: `${MENU}.edit`,
      summary: '取消: before its time nothing goes out; after it, members who have not sent no longer can',
      request: { params: massSendParamsSchema },
      responses: { 202: { description: 'Cancelling' } },
    },
    async ({ params }, req, res) => {
      await cancelMassSend(callerOf(req, res), params, app);
      res.status(202).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/mass-sends/:sendId/remind',
      permission: `${MENU}.edit`,
      summary: '提醒未发送员工 (WeCom allows 3 per send in 24 hours)',
      request: { params: massSendParamsSchema },
      responses: { 200: { description: 'Reminded' }, 409: { description: '24小时内最多提醒3次' } },
    },
    async ({ params }, req, res) => {
      res.json(await remindMassSend(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/mass-sends/:sendId/results',
      permission: MENU,
      summary: '发送结果: recipients by 全部 / 已发送 / 未发送 / 发送失败 and member, paged',
      request: { params: massSendParamsSchema, query: massSendResultQuerySchema },
      responses: { 200: { description: 'A page of recipients', schema: massSendResultPageSchema } },
    },
    async ({ params, query }, req, res) => {
      res.json(await massSendResults(callerOf(req, res), { ...query, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/mass-sends/:sendId/results/refresh',
      permission: MENU,
      summary: '刷新 the 发送结果: WeCom is asked now rather than at the next step (at most once a minute)',
      request: { params: massSendParamsSchema },
      responses: {
        202: {
          description: 'Whether a poll was asked for (not once tracking is over)',
          schema: massSendRefreshSchema,
        },
      },
    },
    async ({ params }, req, res) => {
      res.status(202).json(await refreshMassSendResults(callerOf(req, res), params, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/mass-sends/:sendId/results/export',
      permission: `${MENU}.export`,
      summary: '导出 the 发送结果 of the tab and member in force as .xlsx (streamed)',
      request: { params: massSendParamsSchema, query: massSendResultExportQuerySchema },
      responses: { 200: { description: 'The workbook', contentType: XLSX_CONTENT_TYPE } },
    },
    async ({ params, query }, req, res) => {
      await streamMassSendResultsWorkbook(callerOf(req, res), { ...query, ...params }, app, res);
    },
  );

  return router;
}

import { Router } from 'express';
import {
  sensitiveAlertContextSchema,
  sensitiveAlertParamsSchema,
  sensitiveAlertReviewSchema,
  sensitiveAlertExportQuerySchema,
  sensitiveAlertListQuerySchema,
  sensitiveAlertPageSchema,
  sensitiveAlertSchema,
} from '../../../lib/contracts/sensitive-alerts.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { XLSX_CONTENT_TYPE } from '../../http/xlsx-download';
import { alertContext } from './sensitive-alert-context.use-case';
import { reviewAlert } from './sensitive-alert-review.use-case';
import { streamAlertsWorkbook } from './sensitive-alerts-export';
import { getAlert, listAlerts } from './sensitive-alerts.use-case';

/** 会话存档 → 敏感行为审核: the detected behaviours, within the caller's 数据权限. */
export function createSensitiveAlertsRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['sensitive-alerts'], authenticated: true as const, guards: [authenticate] };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-alerts',
      permission: 'archive.sensitive-behaviors',
      summary:
        '敏感行为列表: newest first, by 状态, 敏感行为 and 触发时间, searched by 发送人 or 审核人, scoped by 数据权限',
      request: { query: sensitiveAlertListQuerySchema },
      responses: { 200: { description: 'A page of alerts', schema: sensitiveAlertPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listAlerts(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-alerts/export',
      permission: 'archive.sensitive-behaviors.export',
      summary: '导出 the filtered 敏感行为 list as .xlsx (streamed; 详情 in full)',
      request: { query: sensitiveAlertExportQuerySchema },
      responses: {
        200: {
          description: 'The workbook',
          contentType: XLSX_CONTENT_TYPE,
        },
      },
    },
    async ({ query }, req, res) => {
      await streamAlertsWorkbook(callerOf(req, res), query, app, res);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-alerts/:alertId',
      permission: 'archive.sensitive-behaviors',
      summary: 'One alert as the list shows it (the app message’s review link opens its dialog)',
      request: { params: sensitiveAlertParamsSchema },
      responses: { 200: { description: 'The alert', schema: sensitiveAlertSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await getAlert(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-alerts/:alertId/context',
      permission: 'archive.sensitive-behaviors',
      summary: '审核 dialog: the 5 messages before and after the hit in its conversation, hit words to mark',
      request: { params: sensitiveAlertParamsSchema },
      responses: { 200: { description: 'The context', schema: sensitiveAlertContextSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await alertContext(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sensitive-alerts/:alertId/review',
      permission: 'archive.sensitive-behaviors.review',
      summary:
        '审核 / 重新审核: 违规属实 or 移除预警 with a note (audited; signals the alert’s review workflow)',
      request: { params: sensitiveAlertParamsSchema, body: sensitiveAlertReviewSchema },
      responses: { 204: { description: 'Reviewed' } },
    },
    async ({ params, body }, req, res) => {
      await reviewAlert(callerOf(req, res), { ...body, ...params }, app);
      res.status(204).end();
    },
  );

  return router;
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler } from 'express';
import { resolveStaffScope } from '../../../lib/access/data-scope';
import {
  sensitiveAlertContextSchema,
  sensitiveAlertParamsSchema,
  sensitiveAlertReviewSchema,
  sensitiveAlertExportQuerySchema,
  sensitiveAlertListQuerySchema,
  sensitiveAlertPageSchema,
  sensitiveAlertSchema,
} from '../../../lib/contracts/sensitive-alerts.contract';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { alertContext } from './sensitive-alert-context.use-case';
import { reviewAlert } from './sensitive-alert-review.use-case';
import type { ListSearch } from '../../../lib/search/list-read-model';
import { streamAlertsWorkbook } from './sensitive-alerts-export';
import { getAlert, listAlerts } from './sensitive-alerts.use-case';

/** 会话存档 → 敏感行为审核: the detected behaviours, within the caller's 数据权限. */
export function createSensitiveAlertsRouter(
  registry: OpenAPIRegistry,
  temporal: Client,
  authenticate: RequestHandler,
  search: ListSearch,
): Router {
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
    async ({ query }, _req, res) => {
      const access = accessOf(res);
      const tenantId = sessionOf(res).tenantId;
      res.json(await listAlerts(search, tenantId, await resolveStaffScope(tenantId, access, access), query));
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
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      },
    },
    async ({ query }, _req, res) => {
      const access = accessOf(res);
      const tenantId = sessionOf(res).tenantId;
      await streamAlertsWorkbook(
        search,
        res,
        tenantId,
        await resolveStaffScope(tenantId, access, access),
        query,
      );
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
    async ({ params }, _req, res) => {
      const access = accessOf(res);
      const tenantId = sessionOf(res).tenantId;
      res.json(await getAlert(tenantId, await resolveStaffScope(tenantId, access, access), params.alertId));
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
    async ({ params }, _req, res) => {
      const access = accessOf(res);
      const tenantId = sessionOf(res).tenantId;
      const scope = await resolveStaffScope(tenantId, access, access);
      res.json(await alertContext(tenantId, scope, params.alertId));
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
      const access = accessOf(res);
      const session = sessionOf(res);
      const scope = await resolveStaffScope(session.tenantId, access, access);
      const outcome = await reviewAlert(temporal, search, session, scope, params.alertId, body);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'sensitive-alert.review',
        target: { type: 'sensitive-alert', id: params.alertId, name: params.alertId },
        before: { status: outcome.before },
        after: { status: outcome.after, note: body.note },
        ip: req.ip,
      });
      res.status(204).end();
    },
  );

  return router;
}

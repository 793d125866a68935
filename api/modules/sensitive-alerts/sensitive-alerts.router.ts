import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { resolveStaffScope } from '../../../lib/access/data-scope';
import {
  sensitiveAlertExportQuerySchema,
  sensitiveAlertListQuerySchema,
  sensitiveAlertPageSchema,
} from '../../../lib/contracts/sensitive-alerts.contract';
import { accessOf } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { streamAlertsWorkbook } from './sensitive-alerts-export';
import { listAlerts } from './sensitive-alerts.use-case';

/** 会话存档 → 敏感行为审核: the detected behaviours, within the caller's 数据权限. */
export function createSensitiveAlertsRouter(registry: OpenAPIRegistry, authenticate: RequestHandler): Router {
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
      summary: '敏感行为列表: newest first, by 敏感行为, 触发时间 and 发送人, scoped by 数据权限',
      request: { query: sensitiveAlertListQuerySchema },
      responses: { 200: { description: 'A page of alerts', schema: sensitiveAlertPageSchema } },
    },
    async ({ query }, _req, res) => {
      const access = accessOf(res);
      const tenantId = sessionOf(res).tenantId;
      res.json(await listAlerts(tenantId, await resolveStaffScope(tenantId, access, access), query));
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
      await streamAlertsWorkbook(res, tenantId, await resolveStaffScope(tenantId, access, access), query);
    },
  );

  return router;
}

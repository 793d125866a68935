import { Router } from 'express';
import {
  customerLossExportQuerySchema,
  customerLossListQuerySchema,
  customerLossPageSchema,
  lossAlertSettingsSchema,
} from '../../../lib/contracts/customer-losses.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { XLSX_CONTENT_TYPE } from '../../http/xlsx-download';
import { streamCustomerLossesWorkbook } from './customer-losses-export';
import {
  getLossAlertSettings,
  listCustomerLosses,
  updateLossAlertSettings,
} from './customer-losses.use-case';

const MENU = 'customer.losses';

/** 客户管理 → 流失客户 (issue 19 item 3): the lost customers, their export, and 流失提醒设置. */
export function createCustomerLossesRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['customer-losses'], authenticated: true as const, guards: [authenticate] };
  const settingsResponse = { 200: { description: 'The settings in force', schema: lossAlertSettingsSchema } };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-losses',
      permission: MENU,
      summary: '流失客户: newest first, by 员工, 流失类型, 流失时间 and 标签, scoped by 数据权限',
      request: { query: customerLossListQuerySchema },
      responses: { 200: { description: 'A page of losses', schema: customerLossPageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listCustomerLosses(callerOf(req, res), query, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-losses/export',
      permission: `${MENU}.export`,
      summary: '导出 the filtered 流失客户 list as .xlsx (streamed)',
      request: { query: customerLossExportQuerySchema },
      responses: { 200: { description: 'The workbook', contentType: XLSX_CONTENT_TYPE } },
    },
    async ({ query }, req, res) => {
      await streamCustomerLossesWorkbook(callerOf(req, res), query, app, res);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/customer-loss-alert-settings',
      permission: MENU,
      summary: '流失提醒设置 in force (on, the member told, no managers until first saved)',
      responses: settingsResponse,
    },
    async (_input, req, res) => {
      res.json(await getLossAlertSettings(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/customer-loss-alert-settings',
      permission: `${MENU}.alert-settings`,
      summary: '保存 流失提醒设置 (audited)',
      request: { body: lossAlertSettingsSchema },
      responses: settingsResponse,
    },
    async ({ body }, req, res) => {
      res.json(await updateLossAlertSettings(callerOf(req, res), body));
    },
  );

  return router;
}

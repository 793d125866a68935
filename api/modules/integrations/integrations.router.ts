import { Router } from 'express';
import {
  integrationListSchema,
  saveUdeskIntegrationSchema,
  switchIntegrationSchema,
  udeskIntegrationViewSchema,
  udeskRejectedSchema,
} from '../../../lib/contracts/integrations.contract';
import { UdeskClient } from '../../../lib/udesk/udesk-client';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import {
  integrationList,
  saveUdesk,
  switchUdesk,
  udeskIntegrationOf,
  UdeskRejectedError,
} from './udesk-integration.use-case';

const MENU = 'system.integrations';

/** 系统配置 → 系统对接 (R-7.5, I-109): the card list and 对接 Udesk. */
export function createIntegrationsRouter({ registry, authenticate, config }: AppContext): Router {
  const router = Router();
  const udesk = new UdeskClient({ baseUrlOverride: config.udeskBaseUrl });
  const common = { tags: ['integrations'], authenticated: true as const, guards: [authenticate] };
  const udeskResponse = {
    200: { description: '对接 Udesk, token masked', schema: udeskIntegrationViewSchema },
  };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/integrations',
      permission: MENU,
      summary: 'The third-party systems as cards, each 未开启 / 已开启',
      responses: { 200: { description: 'The cards', schema: integrationListSchema } },
    },
    async (_input, req, res) => {
      res.json(await integrationList(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/integrations/udesk',
      permission: MENU,
      summary: '对接 Udesk → 基本设置 as saved (the API token masked)',
      responses: udeskResponse,
    },
    async (_input, req, res) => {
      res.json(await udeskIntegrationOf(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/integrations/udesk',
      permission: `${MENU}.edit`,
      summary:
        '确定: checks the credentials with Udesk, then saves them switched on (empty token = keep the saved one)',
      request: { body: saveUdeskIntegrationSchema },
      responses: {
        ...udeskResponse,
        422: {
          description: 'Udesk refused or could not be reached: nothing saved',
          schema: udeskRejectedSchema,
        },
      },
    },
    async ({ body }, req, res) => {
      try {
        res.json(await saveUdesk(callerOf(req, res), body, udesk));
      } catch (error) {
        if (!(error instanceof UdeskRejectedError)) throw error;
        res.status(422).json({
          error: { code: 'UDESK_REJECTED', message: error.message },
          udesk: error.udesk,
        });
      }
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/integrations/udesk/enabled',
      permission: `${MENU}.edit`,
      summary: '开启 / 关闭 对接 Udesk; the saved credentials stay',
      request: { body: switchIntegrationSchema },
      responses: udeskResponse,
    },
    async ({ body }, req, res) => {
      res.json(await switchUdesk(callerOf(req, res), body.enabled));
    },
  );

  return router;
}

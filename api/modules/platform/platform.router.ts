import { Router } from 'express';
import {
  createTenantSchema,
  platformLoginSchema,
  platformOperatorSchema,
  tenantListQuerySchema,
  tenantPageSchema,
  tenantParamsSchema,
  tenantSummarySchema,
  updateTenantSchema,
} from '../../../lib/contracts/platform.contract';
import type { AppContext } from '../../app-context';
import {
  clearPlatformCookie,
  issuePlatformCookie,
  platformAdminIdOf,
  requirePlatformSession,
} from '../../auth/platform-session';
import { defineRoute } from '../../http/define-route';
import { platformLogin, platformOperator } from './platform-login.use-case';
import { createTenant, listTenants, updateTenant } from './tenants.use-case';

/** The platform operators' API (系统管理操作后台): their own login, then tenants. */
export function createPlatformRouter(app: AppContext): Router {
  const { registry, config, secureCookies } = app;
  const router = Router();
  const operator = {
    tags: ['platform'],
    authenticated: true as const,
    security: 'platform' as const,
    guards: [requirePlatformSession(config.jwtSecret)],
  };

  defineRoute(
    registry,
    router,
    {
      method: 'post',
      path: '/api/platform/auth/login',
      summary: 'Platform operator login',
      tags: ['platform'],
      authenticated: false,
      request: { body: platformLoginSchema },
      responses: { 204: { description: 'Logged in; sets the platform cookie' } },
    },
    async ({ body }, _req, res) => {
      issuePlatformCookie(res, config.jwtSecret, await platformLogin(body), secureCookies);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...operator,
      method: 'get',
      path: '/api/platform/auth/me',
      summary: 'The signed-in platform operator',
      responses: { 200: { description: 'The operator', schema: platformOperatorSchema } },
    },
    async (_input, _req, res) => {
      res.json(await platformOperator(platformAdminIdOf(res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      method: 'post',
      path: '/api/platform/auth/logout',
      summary: 'Platform operator logout',
      tags: ['platform'],
      authenticated: false,
      responses: { 204: { description: 'Logged out; clears the platform cookie' } },
    },
    async (_input, _req, res) => {
      clearPlatformCookie(res);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...operator,
      method: 'get',
      path: '/api/platform/tenants',
      summary: 'All tenants with seats in use and validity',
      request: { query: tenantListQuerySchema },
      responses: { 200: { description: 'A page of tenants', schema: tenantPageSchema } },
    },
    async ({ query }, _req, res) => {
      res.json(await listTenants(query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...operator,
      method: 'post',
      path: '/api/platform/tenants',
      summary: 'Open a tenant with its seats, validity and super admin',
      request: { body: createTenantSchema },
      responses: {
        201: { description: 'Opened', schema: tenantSummarySchema },
        409: { description: '企业标识已存在' },
      },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await createTenant(body, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...operator,
      method: 'patch',
      path: '/api/platform/tenants/:tenantId',
      summary: 'Change a tenant’s seats or validity window',
      request: { params: tenantParamsSchema, body: updateTenantSchema },
      responses: { 200: { description: 'Changed', schema: tenantSummarySchema } },
    },
    async ({ params, body }, _req, res) => {
      res.json(await updateTenant({ ...body, ...params }, app));
    },
  );

  return router;
}

import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import bcrypt from 'bcryptjs';
import type { Client } from '@temporalio/client';
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
import { PlatformAdminModel } from '../../../lib/models/platform-admin.model';
import { setTenantValidityTimer } from '../../../lib/tenants/tenant-validity-timer';
import {
  clearPlatformCookie,
  issuePlatformCookie,
  platformAdminIdOf,
  requirePlatformSession,
} from '../../auth/platform-session';
import { AppError } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { createTenant, listTenants, updateTenant } from './tenants.use-case';

/** The platform operators' API (系统管理操作后台): their own login, then tenants. */
export function createPlatformRouter(
  registry: OpenAPIRegistry,
  options: { jwtSecret: string; secureCookies: boolean; temporal: { client: Client; taskQueue: string } },
): Router {
  const router = Router();
  const operator = {
    tags: ['platform'],
    authenticated: true as const,
    security: 'platform' as const,
    guards: [requirePlatformSession(options.jwtSecret)],
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
      const admin = await PlatformAdminModel.findById(body.username).lean();
      if (!admin || !(await bcrypt.compare(body.password, admin.passwordHash))) {
        throw new AppError(401, 'PLATFORM_LOGIN_FAILED', '账号或密码有误');
      }
      issuePlatformCookie(res, options.jwtSecret, admin._id, options.secureCookies);
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
      const admin = await PlatformAdminModel.findById(platformAdminIdOf(res)).lean();
      res.json({ username: admin!._id, name: admin!.name });
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
      res.json(await listTenants(query.page, query.pageSize));
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
      const tenant = await createTenant(body);
      await setTenantValidityTimer(options.temporal, tenant.id, tenant);
      res.status(201).json(tenant);
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
      const tenant = await updateTenant(params.tenantId, body);
      // Also (re)starts a timer that a Temporal outage kept from starting when the tenant was opened.
      await setTenantValidityTimer(options.temporal, tenant.id, tenant);
      res.json(tenant);
    },
  );

  return router;
}

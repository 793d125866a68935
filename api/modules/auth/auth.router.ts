import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import {
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
} from '../../../lib/contracts/auth.contract';
import { StaffModel } from '../../../lib/models/staff.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { accessOf, ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { clearSessionCookie, issueSessionCookie, requireSession, sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { unauthorized } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { login } from './login.use-case';
import { sessionAccessView, sessionTenantView, sessionUserView } from './session-views';

export interface AuthRouterOptions {
  jwtSecret: string;
  secureCookies: boolean;
  /** Login attempts per IP per minute, on top of the per-number lockout. */
  loginAttemptsPerMinute: number;
}

export function createAuthRouter(registry: OpenAPIRegistry, options: AuthRouterOptions): Router {
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: options.loginAttemptsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试' } });
    },
  });

  defineRoute(
    registry,
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Log in with the staff phone number and password (R-1.2.2)',
      tags: ['auth'],
      authenticated: false,
      guards: [loginLimiter],
      request: { body: loginRequestSchema },
      responses: { 200: { description: '登录成功; sets the session cookie', schema: loginResponseSchema } },
    },
    async ({ body }, req, res) => {
      const result = await login(body);
      issueSessionCookie(res, options.jwtSecret, result.claims, options.secureCookies);
      await recordAudit({
        tenantId: result.tenant.id,
        actorStaffId: result.user.id,
        action: 'login',
        ip: req.ip,
      });
      res.json({ message: '登录成功', user: result.user, tenant: result.tenant, access: result.access });
    },
  );

  defineRoute(
    registry,
    router,
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Log out (clears the session cookie)',
      tags: ['auth'],
      authenticated: false,
      responses: { 204: { description: 'Logged out' } },
    },
    async (_input, _req, res) => {
      clearSessionCookie(res);
      res.status(204).end();
    },
  );

  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/auth/me',
      summary: 'The logged-in staff member and tenant',
      tags: ['auth'],
      authenticated: true,
      permission: ANY_LOGGED_IN_USER,
      guards: [requireSession(options.jwtSecret)],
      responses: { 200: { description: 'Current session', schema: meResponseSchema } },
    },
    async (_input, _req, res) => {
      const session = sessionOf(res);
      const [staff, tenant] = await Promise.all([
        StaffModel.findOne({ tenantId: session.tenantId, _id: session.staffId }).lean(),
        TenantModel.findById(session.tenantId).lean(),
      ]);
      if (!staff || !tenant) throw unauthorized();
      res.json({
        user: sessionUserView(staff),
        tenant: sessionTenantView(tenant),
        access: sessionAccessView(accessOf(res)),
      });
    },
  );

  return router;
}

import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import {
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
} from '../../../lib/contracts/auth.contract';
import type { AppContext } from '../../app-context';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { callerOf } from '../../auth/caller';
import { clearSessionCookie, issueSessionCookie } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { currentSession, login } from './login.use-case';

export function createAuthRouter(app: AppContext): Router {
  const { registry, config, secureCookies, authenticate } = app;
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: config.loginAttemptsPerMinute,
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
      const result = await login({ ...body, ip: req.ip });
      issueSessionCookie(res, config.jwtSecret, result.claims, secureCookies);
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
      guards: [authenticate],
      responses: { 200: { description: 'Current session', schema: meResponseSchema } },
    },
    async (_input, req, res) => {
      res.json(await currentSession(callerOf(req, res)));
    },
  );

  return router;
}

import { Router, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import {
  wecomLoginCallbackQuerySchema,
  wecomLoginStartQuerySchema,
} from '../../../lib/contracts/auth.contract';
import type { AppContext } from '../../app-context';
import { AppError } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { wecomLoginRoundTrip } from './wecom-login-round-trip';
import { startWeComLogin, type PendingLogin } from './wecom-login.use-case';

/** Binds the login's state to this browser; lives only as long as a person takes to scan. */
const PENDING_COOKIE = 'scrm_wecom_login';
const PENDING_TTL_SECONDS = 10 * 60;
const COOKIE_PATH = '/api/auth/wecom';

/** 扫码登录 (I-09): start → WeCom's QR page → callback → the same session cookie as the password login. */
export function createWeComLoginRouter(app: AppContext): Router {
  const { registry } = app;
  const router = Router();
  /** Failures go back to the login page, which shows the message on its 扫码登录 tab. */
  const backToLogin = (res: Response, message: string, corpId?: string) => {
    const params = new URLSearchParams({ mode: 'qr', qrError: message, ...(corpId ? { corpId } : {}) });
    res.redirect(302, `/login?${params}`);
  };

  const roundTrip = wecomLoginRoundTrip<PendingLogin>(app, {
    cookieName: PENDING_COOKIE,
    cookiePath: COOKIE_PATH,
    ttlSeconds: PENDING_TTL_SECONDS,
    method: 'wecom-qr',
    toErrorPage: (res, message) => backToLogin(res, message),
    unavailableMessage: '企业微信暂时无法完成登录，请稍后再试或使用账号登录',
  });

  const limiter = rateLimit({
    windowMs: 60_000,
    // QR login starts and returns per IP per minute, like the password login's limit.
    limit: app.config.loginAttemptsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => backToLogin(res, '登录尝试过于频繁，请稍后再试'),
  });

  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/auth/wecom/start',
      summary: '扫码登录: redirects to WeCom web login for the corp of this 企业ID',
      tags: ['auth'],
      authenticated: false,
      guards: [limiter],
      request: { query: wecomLoginStartQuerySchema },
      responses: { 302: { description: 'To the WeCom QR page (or back to /login with the reason)' } },
    },
    async ({ query }, _req, res) => {
      let started;
      try {
        started = await startWeComLogin(query, app);
      } catch (error) {
        if (error instanceof AppError) return backToLogin(res, error.message, query.corpId);
        throw error;
      }
      roundTrip.remember(res, started.pending);
      res.redirect(302, started.loginUrl);
    },
  );

  defineRoute(
    registry,
    router,
    {
      method: 'get',
      path: '/api/auth/wecom/callback',
      summary: '扫码登录: WeCom redirect_uri; exchanges the code, checks 开启系统, sets the session cookie',
      tags: ['auth'],
      authenticated: false,
      guards: [limiter],
      request: { query: wecomLoginCallbackQuerySchema },
      responses: { 302: { description: 'Into the admin, or back to /login with the reason' } },
    },
    async ({ query }, req, res) => {
      await roundTrip.complete(req, res, query, () => '/');
    },
  );

  return router;
}

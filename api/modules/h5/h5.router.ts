import { Router, type Response } from 'express';
import {
  corpTagOptionsSchema,
  customerEditSchema,
  customerTagChangeSchema,
} from '../../../lib/contracts/customer.contract';
import {
  h5AuthCallbackQuerySchema,
  h5AuthStartQuerySchema,
  h5CustomerParamsSchema,
  h5CustomerProfileSchema,
  h5CustomerTaggingSchema,
  jssdkConfigQuerySchema,
  jssdkConfigSchema,
} from '../../../lib/contracts/h5.contract';
import { AgentTicketCache } from '../../../lib/wecom/jsapi-ticket-cache';
import type { AppContext } from '../../app-context';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { callerOf } from '../../auth/caller';
import { AppError } from '../../http/app-error';
import { defineRoute } from '../../http/define-route';
import { wecomLoginRoundTrip } from '../auth/wecom-login-round-trip';
import {
  customerProfile,
  editCustomerProfile,
  profileTagOptions,
  tagCustomerProfile,
} from './customer-profile.use-case';
import {
  H5_OAUTH_CALLBACK_PATH,
  jssdkConfig,
  startH5Login,
  type PendingH5Login,
} from './h5-session.use-case';

/** Binds the OAuth state to this browser (the WeCom client's webview) for the few seconds OAuth takes. */
const PENDING_COOKIE = 'scrm_h5_oauth';
const PENDING_TTL_SECONDS = 5 * 60;
const COOKIE_PATH = '/api/h5/auth';

/**
 * The H5 sidebar pages (聊天工具栏, R-3.1.4, R-3.2.3): WeCom opens them inside its client; OAuth gives the
 * member's identity (the same session cookie as the admin, so the H5 uses the same APIs and permissions),
 * and a signed agentConfig gives the JS-SDK context (which customer or group chat is open). 打标签 starts the
 * same WeCom write-back workflow as the admin's; edits and tags reach the customer search index as theirs do.
 */
export function createH5Router(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const tickets = new AgentTicketCache(app.wecom);
  const toErrorPage = (res: Response, message: string) =>
    res.redirect(302, `/h5/error?${new URLSearchParams({ message })}`);
  const common = { tags: ['h5'] };
  const roundTrip = wecomLoginRoundTrip<PendingH5Login>(app, {
    cookieName: PENDING_COOKIE,
    cookiePath: COOKIE_PATH,
    ttlSeconds: PENDING_TTL_SECONDS,
    method: 'wecom-h5',
    toErrorPage,
    unavailableMessage: '企业微信暂时无法完成登录，请稍后再试',
  });

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/h5/auth/start',
      summary: 'H5 sidebar: redirects to WeCom OAuth (snsapi_base) for the member in the WeCom client',
      authenticated: false,
      request: { query: h5AuthStartQuerySchema },
      responses: { 302: { description: 'To WeCom OAuth, or to the H5 error page' } },
    },
    async ({ query }, _req, res) => {
      let started;
      try {
        started = await startH5Login(query, app);
      } catch (error) {
        if (error instanceof AppError) return toErrorPage(res, error.message);
        throw error;
      }
      roundTrip.remember(res, started.pending);
      res.redirect(302, started.link);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: H5_OAUTH_CALLBACK_PATH,
      summary: 'H5 sidebar: OAuth redirect_uri; exchanges the code, checks 开启系统, sets the session cookie',
      authenticated: false,
      request: { query: h5AuthCallbackQuerySchema },
      responses: { 302: { description: 'Back to the H5 page, or to the H5 error page' } },
    },
    async ({ query }, req, res) => {
      await roundTrip.complete(req, res, query, (pending) => pending.next);
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/h5/jssdk-config',
      summary: 'H5 sidebar: the agentConfig (app identity + signature of the page URL) for ww.register',
      authenticated: true,
      guards: [authenticate],
      permission: ANY_LOGGED_IN_USER,
      request: { query: jssdkConfigQuerySchema },
      responses: { 200: { description: 'Signed config', schema: jssdkConfigSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await jssdkConfig(callerOf(req, res), query, { ...app, tickets }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/h5/customers/:externalUserid',
      summary: 'H5 客户资料 of a customer in the caller’s data scope (R-3.1.4-01)',
      authenticated: true,
      guards: [authenticate],
      permission: ['customer.customers', 'customer.customers.contact-record'],
      request: { params: h5CustomerParamsSchema },
      responses: { 200: { description: 'The profile', schema: h5CustomerProfileSchema } },
    },
    async ({ params }, req, res) => {
      res.json(await customerProfile(callerOf(req, res), params));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'patch',
      path: '/api/h5/customers/:externalUserid',
      summary:
        'H5 客户资料: edit under 客户详情’s rules (企业名称/职务 for 微信 customers, 电话, 客户来源; R-3.1.4-02)',
      authenticated: true,
      guards: [authenticate],
      permission: 'customer.customers.edit',
      request: { params: h5CustomerParamsSchema, body: customerEditSchema },
      responses: { 200: { description: 'The profile after the edit', schema: h5CustomerProfileSchema } },
    },
    async ({ params, body }, req, res) => {
      res.json(await editCustomerProfile(callerOf(req, res), { ...body, ...params }, app));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/h5/tag-options',
      summary: 'H5 客户资料: the corp tags the side panel can put on a customer (R-3.1.4-03)',
      authenticated: true,
      guards: [authenticate],
      permission: 'customer.customers.tag',
      responses: { 200: { description: 'Tag groups', schema: corpTagOptionsSchema } },
    },
    async (_input, req, res) => {
      res.json(await profileTagOptions(callerOf(req, res)));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/h5/customers/:externalUserid/tags',
      summary:
        'H5 客户资料 打标签: add/remove corp tags; written to WeCom like the admin’s 打标签 (R-3.1.4-03)',
      authenticated: true,
      guards: [authenticate],
      permission: 'customer.customers.tag',
      request: { params: h5CustomerParamsSchema, body: customerTagChangeSchema },
      responses: {
        202: { description: 'Saved; WeCom write-back under way', schema: h5CustomerTaggingSchema },
      },
    },
    async ({ params, body }, req, res) => {
      const { job, profile } = await tagCustomerProfile(callerOf(req, res), { ...body, ...params }, app);
      res.status(202).location(`/api/customers/tag-jobs/${job.id}`).json({ profile, job });
    },
  );

  return router;
}

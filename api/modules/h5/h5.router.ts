import type { CustomerIndexer } from '../../../lib/search/customer-indexer';
import type { CustomerSearch } from '../../../lib/search/customer-search-context';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
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
import type { Logger } from '../../../lib/logger';
import { AgentTicketCache, AppNotBoundError } from '../../../lib/wecom/jsapi-ticket-cache';
import { signPage } from '../../../lib/wecom/jssdk-signature';
import type { WeComClient } from '../../../lib/wecom/client';
import { ANY_LOGGED_IN_USER } from '../../auth/authorize';
import { sessionOf } from '../../auth/session';
import { AppError } from '../../http/app-error';
import { callerScope } from '../../auth/caller-scope';
import { defineRoute } from '../../http/define-route';
import { wecomLoginRoundTrip } from '../auth/wecom-login-round-trip';
import { tenantForCorp, type PendingLogin } from '../auth/wecom-login.use-case';
import { corpTagOptions } from '../customers/customer-options.use-case';
import { auditCustomerTagging } from '../customers/customer-tagging.use-case';
import { editCustomer } from '../customers/customer-edit.use-case';
import { customerProfile, tagCustomerProfile } from './customer-profile.use-case';

/** Binds the OAuth state to this browser (the WeCom client's webview) for the few seconds OAuth takes. */
const PENDING_COOKIE = 'scrm_h5_oauth';
const PENDING_TTL_SECONDS = 5 * 60;
const COOKIE_PATH = '/api/h5/auth';
export const H5_OAUTH_CALLBACK_PATH = '/api/h5/auth/callback';
/** The JS-SDK calls the sidebar pages make (API.md §16). */
const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat'];

export interface H5RouterOptions {
  jwtSecret: string;
  secureCookies: boolean;
  publicUrl: string;
  wecomOAuthBase: string;
  wecomJssdkUrl: string;
  wecom: WeComClient;
  log: Logger;
  /** 打标签 from the side panel starts the same WeCom write-back workflow as the admin's. */
  temporal: { client: Client; taskQueue: string };
  /** Edits and tags reach the customer search index through these, as the admin's do. */
  customerSearch: CustomerSearch;
  customerIndexer: CustomerIndexer;
}

interface PendingH5Login extends PendingLogin {
  /** The H5 page to open once signed in. */
  next: string;
}

/**
 * The H5 sidebar pages (聊天工具栏, R-3.1.4, R-3.2.3): WeCom opens them inside its client; OAuth gives the
 * member's identity (the same session cookie as the admin, so the H5 uses the same APIs and permissions),
 * and a signed agentConfig gives the JS-SDK context (which customer or group chat is open).
 */
export function createH5Router(
  registry: OpenAPIRegistry,
  options: H5RouterOptions,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const tickets = new AgentTicketCache(options.wecom);
  const toErrorPage = (res: Response, message: string) =>
    res.redirect(302, `/h5/error?${new URLSearchParams({ message })}`);
  const common = { tags: ['h5'] };
  const roundTrip = wecomLoginRoundTrip<PendingH5Login>(options, {
    cookieName: PENDING_COOKIE,
    cookiePath: COOKIE_PATH,
    ttlSeconds: PENDING_TTL_SECONDS,
    method: 'wecom-h5',
    toErrorPage,
    unavailableMessage: '企业微信暂时无法完成登录，请稍后再试',
  });
  const scopeOf = callerScope;

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
      let corp;
      try {
        corp = await tenantForCorp(query.corpId);
      } catch (error) {
        if (error instanceof AppError) return toErrorPage(res, error.message);
        throw error;
      }
      const pending: PendingH5Login = {
        nonce: randomBytes(16).toString('hex'),
        tenantId: corp.tenantId,
        next: query.next,
      };
      roundTrip.remember(res, pending);
      const link = new URL(`${options.wecomOAuthBase}/connect/oauth2/authorize`);
      link.searchParams.set('appid', corp.corpId);
      link.searchParams.set('redirect_uri', `${options.publicUrl}${H5_OAUTH_CALLBACK_PATH}`);
      link.searchParams.set('response_type', 'code');
      link.searchParams.set('scope', 'snsapi_base');
      link.searchParams.set('state', pending.nonce);
      link.searchParams.set('agentid', String(corp.agentId));
      res.redirect(302, `${link.toString()}#wechat_redirect`);
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
    async ({ query }, _req, res) => {
      let app;
      try {
        app = await tickets.forTenant(sessionOf(res).tenantId);
      } catch (error) {
        if (error instanceof AppNotBoundError) {
          throw new AppError(409, 'WECOM_APP_NOT_BOUND', '尚未完成企业微信应用设置，请联系管理员');
        }
        throw error;
      }
      res.json({
        corpId: app.corpId,
        agentId: app.agentId,
        ...signPage(app.ticket, query.url),
        jsApiList: JS_API_LIST,
        jssdkUrl: options.wecomJssdkUrl,
      });
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
    async ({ params }, _req, res) => {
      res.json(await customerProfile(sessionOf(res).tenantId, await scopeOf(res), params.externalUserid));
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
      const session = sessionOf(res);
      const scope = await scopeOf(res);
      await editCustomer(
        { ...session, scope, ip: req.ip },
        params.externalUserid,
        body,
        options.customerIndexer,
      );
      res.json(await customerProfile(session.tenantId, scope, params.externalUserid));
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
    async (_input, _req, res) => {
      res.json(await corpTagOptions(sessionOf(res).tenantId));
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
      const session = sessionOf(res);
      const { result, profile } = await tagCustomerProfile(
        {
          temporal: options.temporal.client,
          taskQueue: options.temporal.taskQueue,
          customerSearch: options.customerSearch,
          customerIndexer: options.customerIndexer,
        },
        { tenantId: session.tenantId, staffId: session.staffId, scope: await scopeOf(res) },
        params.externalUserid,
        body,
      );
      await auditCustomerTagging({ ...session, ip: req.ip }, body, result);
      res.status(202).location(`/api/customers/tag-jobs/${result.job.id}`).json({ profile, job: result.job });
    },
  );

  return router;
}

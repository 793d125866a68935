/**
 * The WeCom client side of an H5 sidebar page (API.md §16, §17): the JS-SDK stand-in script, its
 * agentConfig check and calls (called cross-origin by the page, hence CORS), and the OAuth authorize link,
 * which inside the WeCom client answers silently with a code for the member logged in.
 */
import { randomBytes } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { SimState } from '../state/sim-state';
import { loginErrorHtml } from '../web-login/login-page';
import { answerJsApi, type ChatToolMessage } from './client-context';
import { JSSDK_SCRIPT, JSSDK_SCRIPT_PATH } from './jssdk-script';
import { jssdkSignature } from './jssdk-signature';

const agentConfigSchema = z.object({
  corpid: z.string(),
  agentid: z.number(),
  timestamp: z.union([z.number(), z.string()]),
  nonceStr: z.string(),
  signature: z.string(),
  jsApiList: z.array(z.string()).default([]),
  url: z.string(),
});

function allowAnyOrigin(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST');
  if (req.method === 'OPTIONS') res.status(204).end();
  else next();
}

export function jssdkRouter(state: SimState): Router {
  const router = Router();
  /** agentConfig sessions: which corp and which APIs the page registered for. */
  const sessions = new Map<string, { corpId: string; jsApiList: string[] }>();

  router.get(JSSDK_SCRIPT_PATH, (_req, res) => {
    res.type('application/javascript').send(JSSDK_SCRIPT);
  });

  router.use('/wwopen/jssdk', allowAnyOrigin, express.json({ limit: '64kb' }));

  router.post('/wwopen/jssdk/agent-config', (req, res) => {
    const parsed = agentConfigSchema.safeParse(req.body);
    if (!parsed.success) return res.json({ errMsg: 'agentConfig:fail invalid arguments' });
    const config = parsed.data;
    const corp = state.corp(config.corpid);
    if (!corp) return res.json({ errMsg: 'agentConfig:fail invalid corpid' });
    if (config.agentid !== corp.app.agentId) return res.json({ errMsg: 'agentConfig:fail invalid agentid' });
    let host = '';
    try {
      host = new URL(config.url).hostname;
    } catch {
      // falls through to the domain check
    }
    if (!corp.app.redirectDomain || host !== corp.app.redirectDomain) {
      return res.json({ errMsg: 'agentConfig:fail invalid url domain' });
    }
    const ticket = corp.jsapiTickets.valid('agent_config', state.clock.nowSeconds());
    const expected =
      ticket &&
      jssdkSignature({ ticket, nonceStr: config.nonceStr, timestamp: config.timestamp, url: config.url });
    if (!expected || expected !== config.signature)
      return res.json({ errMsg: 'agentConfig:fail invalid signature' });
    const session = randomBytes(16).toString('hex');
    sessions.set(session, { corpId: corp.corpId, jsApiList: config.jsApiList });
    res.json({ errMsg: 'agentConfig:ok', session });
  });

  router.post('/wwopen/jssdk/invoke', (req, res) => {
    const { session, api, params } = (req.body ?? {}) as {
      session?: string;
      api?: string;
      params?: Record<string, unknown>;
    };
    const registered = session ? sessions.get(session) : undefined;
    const name = typeof api === 'string' ? api : 'invoke';
    if (!registered) return res.json({ errMsg: `${name}:fail not registered` });
    if (!registered.jsApiList.includes(name)) return res.json({ errMsg: `${name}:fail no permission` });
    const corp = state.corp(registered.corpId);
    const sent = (message: ChatToolMessage) =>
      corp?.chatToolMessages.push({ ...message, sentAt: state.clock.nowSeconds() });
    res.json(
      answerJsApi(
        name,
        corp?.clientContext,
        params && typeof params === 'object' ? params : {},
        sent,
        (context) => corp && (corp.clientContext = context),
      ),
    );
  });

  /** OAuth inside the WeCom client (API.md §17 exchange): no page, a code for the member logged in. */
  router.get('/connect/oauth2/authorize', (req, res) => {
    const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const fail = (message: string, errcode?: number) =>
      res.status(400).type('html').send(loginErrorHtml(message, errcode));
    const corp = state.corp(params.get('appid') ?? '');
    if (!corp) return fail('appid 参数错误：企业不存在', 40013);
    const agentid = params.get('agentid');
    if (agentid && Number(agentid) !== corp.app.agentId) return fail('agentid 参数错误：应用不存在', 40056);
    let redirectUri: URL;
    try {
      redirectUri = new URL(params.get('redirect_uri') ?? '');
    } catch {
      return fail('redirect_uri 参数错误', 50001);
    }
    if (!corp.app.redirectDomain || redirectUri.hostname !== corp.app.redirectDomain) {
      return fail('redirect_uri 与应用的可信域名不一致', 50001);
    }
    if (params.get('response_type') !== 'code') return fail('response_type 参数错误');
    const context = corp.clientContext;
    if (!context) return fail('请在企业微信客户端打开链接');
    redirectUri.searchParams.set('code', state.webLoginCodes.issue(corp.corpId, { userid: context.userid }));
    redirectUri.searchParams.set('state', params.get('state') ?? '');
    res.redirect(302, redirectUri.toString());
  });

  return router;
}

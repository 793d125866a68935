/**
 * The simulator as an express app that does not listen (server.ts does), so tests drive it with supertest.
 * /cgi-bin speaks WeCom; /sim is the scenario API; any other path is a bare 404 like WeCom's.
 */
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import {
  CallbackDispatcher,
  DEFAULT_DELIVERY_SETTINGS,
  type DeliverySettings,
} from './callbacks/callback-dispatcher';
import { DEFAULT_VERIFICATION_TIMEOUT_MS } from './callbacks/url-verification';
import { CallbackEmitter } from './scenario/callback-emitter';
import { scenarioRouter } from './scenario/scenario.router';
import type { SimState } from './state/sim-state';
import { cgiBinBody, cgiBinRouter } from './wecom-api/cgi-bin.router';
import { webLoginRouter } from './web-login/web-login.routes';
import { financeSdkRouter } from './archive/finance-sdk.routes';
import { failureSwitches } from './wecom-api/failure-switches';
import { jssdkRouter } from './jssdk/jssdk.routes';
import { contactWayQrRouter } from './acquisition/contact-way-qr.routes';
import { SimClock } from './clock';
import { UdeskCompanies } from './udesk/udesk-companies';
import { udeskOpenApiRouter, udeskScenarioRouter } from './udesk/udesk.routes';

export interface SimAppOptions {
  logger?: Logger;
  /** Event delivery: per-attempt timeout, attempts, backoff (tests shorten these). */
  delivery?: Partial<DeliverySettings>;
  /** How long the callback URL has to answer the verification GET; WeCom allows 1 s. */
  verificationTimeoutMs?: number;
}

export function createSimApp(state: SimState, options: SimAppOptions = {}): Express {
  const logger = options.logger ?? pino({ level: 'silent' });
  const dispatcher = new CallbackDispatcher(
    state.clock,
    { ...DEFAULT_DELIVERY_SETTINGS, ...options.delivery },
    logger,
  );
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      // Paths only: query strings carry corpsecret and access_token, which do not belong in logs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use('/cgi-bin', cgiBinBody);
  app.use('/cgi-bin', (req, res, next) => {
    const admitted = state.rateLimit.admit(req.path);
    if (admitted.refusal) return void res.status(200).json(admitted.refusal);
    res.once('close', admitted.done);
    next();
  });
  app.use(
    '/cgi-bin',
    failureSwitches(state, (req) => req.path),
  );
  app.use('/cgi-bin', cgiBinRouter(state));
  app.use(webLoginRouter(state));
  app.use(
    '/finance',
    failureSwitches(state, (req) => `/finance${req.path}`),
  );
  app.use(financeSdkRouter(state));
  app.use(jssdkRouter(state));
  app.use(contactWayQrRouter(state));
  // Udesk (系统对接, R-7.5) is another vendor: its own routes and state beside WeCom's, and its own clock, real
  // time as the product's: the scenario API moves WeCom's time, which Udesk's signature check must not see.
  const udesk = new UdeskCompanies(new SimClock());
  app.use('/udesk', udeskOpenApiRouter(udesk));
  app.use('/sim/udesk', udeskScenarioRouter(udesk));
  app.use(
    '/sim',
    scenarioRouter({
      state,
      emitter: new CallbackEmitter(state.clock, dispatcher, logger),
      verificationTimeoutMs: options.verificationTimeoutMs ?? DEFAULT_VERIFICATION_TIMEOUT_MS,
      logger,
    }),
  );
  app.use((_req, res) => {
    res.status(404).end();
  });
  return app;
}

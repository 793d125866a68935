import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { refuseCrossSiteWrites } from './http/cross-site-guard';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { securityHeaders } from './http/security-headers';
import { createAuditRouter } from './modules/audit/audit.router';
import { createAuthRouter } from './modules/auth/auth.router';
import { createCustomersRouter } from './modules/customers/customers.router';
import { createContactRecordsRouter } from './modules/contact-records/contact-records.router';
import { createH5Router } from './modules/h5/h5.router';
import { createHealthRouter } from './modules/health/health.router';
import { createOrgRouter } from './modules/org/org.router';
import { createCustomerSyncRouter } from './modules/customer-sync/customer-sync.router';
import { createOrgEditRouter } from './modules/org-edit/org-edit.router';
import { createPlatformRouter } from './modules/platform/platform.router';
import { createRolesRouter } from './modules/roles/roles.router';
import { createTagsRouter } from './modules/tags/tags.router';
import { createCustomerGroupsRouter } from './modules/customer-groups/customer-groups.router';
import { createArchiveRouter } from './modules/archive/archive.router';
import { createGroupCodesRouter } from './modules/group-codes/group-codes.router';
import { createWeComCallbackRouter } from './modules/wecom-callback/callback.router';
import { createOwnPasswordRouter } from './modules/auth/own-password.router';
import { createWeComLoginRouter } from './modules/auth/wecom-login.router';
import { createPlatformWeComHealthRouter } from './modules/wecom-binding/platform-wecom-health.router';
import { createWeComBindingRouter } from './modules/wecom-binding/wecom-binding.router';
import { createQrPreviewRouter, createStaffCodesRouter } from './modules/staff-codes/staff-codes.router';
import {
  createWelcomeImagesPublicRouter,
  createWelcomeMessagesRouter,
} from './modules/welcome-messages/welcome-messages.router';
import { createSensitiveAlertsRouter } from './modules/sensitive-alerts/sensitive-alerts.router';
import { createCustomerLossesRouter } from './modules/customer-losses/customer-losses.router';
import { createSensitiveAnalyticsRouter } from './modules/sensitive-analytics/sensitive-analytics.router';
import { createSensitiveBehaviorSettingsRouter } from './modules/sensitive-behavior-settings/sensitive-behavior-settings.router';
import { createKnowledgeRouter } from './modules/knowledge/knowledge.router';
import { createMassSendsRouter } from './modules/mass-sends/mass-sends.router';
import { createHandoversRouter } from './modules/handovers/handovers.router';
import { createHandoverChecksRouter } from './modules/handovers/handover-checks.router';
import { createSopMediaPublicRouter, createSopRouter } from './modules/sop/sop.router';
import { createSensitiveRulesRouter } from './modules/sensitive-rules/sensitive-rules.router';
import { createAnalyticsRouter } from './modules/analytics/analytics.router';
import { createAnalyticsRollupsRouter } from './modules/analytics-rollups/analytics-rollups.router';
import { createIntegrationsRouter } from './modules/integrations/integrations.router';
import { buildOpenApiDocument, OPENAPI_PATH } from './openapi/registry';
import { createAppContext, type AppServers } from './app-context';

/** Builds the api without listening, so tests drive it with supertest against real servers. */
export function createApp(servers: AppServers): Express {
  const ctx = createAppContext(servers);
  const { config, log, registry, secureCookies } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(pinoHttp({ logger: log, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(securityHeaders({ jssdkUrl: config.wecomJssdkUrl, secureCookies }));
  app.use(cookieParser());
  app.use('/api', refuseCrossSiteWrites(config.publicUrl));

  // Callbacks read their own XML body; everything else under /api is JSON.
  app.use(createWeComCallbackRouter(ctx));
  app.use('/api', express.json({ limit: '1mb' }));
  app.use(createAuthRouter(ctx));
  app.use(createOrgRouter(ctx));
  app.use(createCustomerSyncRouter(ctx));
  app.use(createOrgEditRouter(ctx));
  app.use(createAuditRouter(ctx));
  app.use(createCustomersRouter(ctx));
  app.use(createRolesRouter(ctx));
  app.use(createContactRecordsRouter(ctx));
  app.use(createTagsRouter(ctx));
  app.use(createCustomerGroupsRouter(ctx));
  app.use(createArchiveRouter(ctx));
  app.use(createStaffCodesRouter(ctx));
  app.use(createQrPreviewRouter(ctx));
  app.use(createWelcomeMessagesRouter(ctx));
  app.use(createWelcomeImagesPublicRouter(ctx));
  app.use(createGroupCodesRouter(ctx));
  app.use(createSensitiveRulesRouter(ctx));
  app.use(createMassSendsRouter(ctx));
  app.use(createHandoverChecksRouter(ctx));
  app.use(createHandoversRouter(ctx));
  app.use(createKnowledgeRouter(ctx));
  app.use(createSopRouter(ctx));
  app.use(createSopMediaPublicRouter(ctx));
  app.use(createSensitiveBehaviorSettingsRouter(ctx));
  app.use(createSensitiveAlertsRouter(ctx));
  app.use(createCustomerLossesRouter(ctx));
  app.use(createAnalyticsRouter(ctx));
  app.use(createSensitiveAnalyticsRouter(ctx));
  app.use(createAnalyticsRollupsRouter(ctx));
  app.use(createWeComLoginRouter(ctx));
  app.use(createWeComBindingRouter(ctx));
  app.use(createIntegrationsRouter(ctx));
  app.use(createH5Router(ctx));
  app.use(createOwnPasswordRouter(ctx));
  app.use(createPlatformWeComHealthRouter(ctx));
  app.use(createPlatformRouter(ctx));
  app.use(createHealthRouter(ctx));

  // Built on its first request, not at every start: generating it from the schemas costs about 0.4 s of CPU, and
  // most api processes (every test file starts one) never serve it. The routes are all registered by now.
  let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get(OPENAPI_PATH, (_req, res) => {
    openApiDocument ??= buildOpenApiDocument(registry);
    res.json(openApiDocument);
  });
  // The api's paths and WeCom's callback paths answer a JSON error for what they do not serve (a wrong method on a
  // callback path included), never Express's HTML page; every other path is the admin's.
  app.use(['/api', '/wecom'], notFoundHandler);

  serveAdmin(app, config.webDist);
  app.use(createErrorHandler(log));
  return app;
}

/**
 * The built Angular admin, with index.html for every client-side route. `npm start` builds it beside the
 * running api on a fresh clone, so a page asked for before the build is done says so instead of a 404.
 */
function serveAdmin(app: Express, webDist: string | undefined): void {
  if (!webDist) return;
  const index = path.join(webDist, 'index.html');
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|wecom\/).*/, (_req, res) => {
    if (fs.existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .set('Retry-After', '10')
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="10"><p>管理后台正在构建，请稍候…</p>',
      );
  });
}

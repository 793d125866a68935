import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler } from 'express';
import {
  archiveKeyPairSchema,
  bindingRejectedSchema,
  doctorReportSchema,
  saveWecomBindingSchema,
  wecomBindingViewSchema,
  wecomHealthSchema,
} from '../../../lib/contracts/wecom-binding.contract';
import type { Logger } from '../../../lib/logger';
import { ensureOrgSyncSchedule } from '../../../lib/temporal/org-sync-schedule';
import { ensureCustomerSyncSchedules } from '../../../lib/temporal/customer-sync-schedule';
import { ensureArchiveConsentSchedule } from '../../../lib/temporal/archive-consent-schedule';
import { ensureArchiveIngestSchedule } from '../../../lib/temporal/archive-ingest-schedule';
import { generateArchiveKeyPair } from '../../../lib/wecom/archive-key';
import { ensureCallbackSettings, loadBinding } from '../../../lib/wecom/binding-store';
import type { WeComCallStats } from '../../../lib/wecom/call-stats';
import type { ChatArchiveSdkChoice } from '../../../lib/wecom/chat-archive-sdk';
import type { WeComClient } from '../../../lib/wecom/client';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { auditedBinding, bindingView } from './binding-view';
import { BindingRejectedError, saveWeComBinding } from './save-binding.use-case';
import { runSetupDoctor } from './setup-doctor.use-case';
import { wecomHealth } from './wecom-health.use-case';

export interface WeComBindingRouterDeps {
  wecom: WeComClient;
  wecomStats: WeComCallStats;
  chatArchive: ChatArchiveSdkChoice;
  publicUrl: string;
  temporal: { client: Client; taskQueue: string };
  log: Logger;
}

/** 企微绑定 (R-7.4, I-107): the binding form, the setup doctor (体检) and the WeCom health panel. */
export function createWeComBindingRouter(
  registry: OpenAPIRegistry,
  deps: WeComBindingRouterDeps,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = { tags: ['wecom-binding'], authenticated: true as const, guards: [authenticate] };

  const currentView = async (tenantId: string) =>
    bindingView(
      tenantId,
      await loadBinding(tenantId),
      await ensureCallbackSettings(tenantId),
      deps.publicUrl,
    );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/wecom/binding',
      permission: 'system.wecom',
      summary: 'The WeCom binding: secrets masked, callback URL, Token and EncodingAESKey to copy',
      responses: { 200: { description: 'The binding', schema: wecomBindingViewSchema } },
    },
    async (_input, _req, res) => {
      res.json(await currentView(sessionOf(res).tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/wecom/binding',
      permission: 'system.wecom.edit',
      summary: '保存: checks every secret live with WeCom, then saves (empty secret = keep the saved one)',
      request: { body: saveWecomBindingSchema },
      responses: {
        200: { description: 'Saved', schema: wecomBindingViewSchema },
        422: { description: 'WeCom refused a secret: nothing saved', schema: bindingRejectedSchema },
      },
    },
    async ({ body }, req, res) => {
      const session = sessionOf(res);
      let outcome;
      try {
        outcome = await saveWeComBinding(deps.wecom, session.tenantId, body);
      } catch (error) {
        if (!(error instanceof BindingRejectedError)) throw error;
        res.status(422).json({
          error: { code: 'WECOM_BINDING_REJECTED', message: error.failures[0]?.message ?? '校验未通过' },
          failures: error.failures,
        });
        return;
      }
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'wecom-binding.update',
        target: { type: 'wecom-binding', id: outcome.after.corpId, name: '企微绑定' },
        before: auditedBinding(outcome.before),
        after: auditedBinding(outcome.after),
        ip: req.ip,
      });
      if (!outcome.before) {
        // The first binding starts the periodic org and customer-side syncs; failing here must not undo the save.
        await ensureOrgSyncSchedule(deps.temporal.client, deps.temporal.taskQueue, session.tenantId).catch(
          (err: unknown) =>
            deps.log.warn({ err, tenantId: session.tenantId }, 'org sync schedule not created'),
        );
        await ensureCustomerSyncSchedules(
          deps.temporal.client,
          deps.temporal.taskQueue,
          session.tenantId,
        ).catch((err: unknown) =>
          deps.log.warn({ err, tenantId: session.tenantId }, 'customer sync schedules not created'),
        );
      }
      // The archive ingest and its consent sync start once the 会话存档 secret and a private key are saved.
      if (outcome.after.secrets.archive && outcome.after.archiveKeys.length > 0) {
        await ensureArchiveIngestSchedule(
          deps.temporal.client,
          deps.temporal.taskQueue,
          session.tenantId,
        ).catch((err: unknown) =>
          deps.log.warn({ err, tenantId: session.tenantId }, 'archive ingest schedule not created'),
        );
        await ensureArchiveConsentSchedule(
          deps.temporal.client,
          deps.temporal.taskQueue,
          session.tenantId,
        ).catch((err: unknown) =>
          deps.log.warn({ err, tenantId: session.tenantId }, 'archive consent schedule not created'),
        );
      }
      res.json(await currentView(session.tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/wecom/binding/archive-key-pair',
      permission: 'system.wecom.edit',
      summary: '生成密钥对 (I-108): a fresh RSA 2048 PKCS#1 key pair for the chat archive; nothing is stored',
      responses: { 200: { description: 'The key pair', schema: archiveKeyPairSchema } },
    },
    async (_input, _req, res) => {
      res.set('cache-control', 'no-store').json(generateArchiveKeyPair());
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/wecom/binding/doctor',
      permission: 'system.wecom',
      summary: '体检: checks every secret, callback URL, the app visible range and the archive keys',
      responses: {
        200: { description: 'One line per item: ok, or what to fix', schema: doctorReportSchema },
      },
    },
    async (_input, _req, res) => {
      res.json(await runSetupDoctor(deps, sessionOf(res).tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/wecom/health',
      permission: 'system.wecom',
      summary: 'WeCom health: error-code rates, token state, rate-limit headroom, callback backlog, sync lag',
      responses: { 200: { description: 'The health panel', schema: wecomHealthSchema } },
    },
    async (_input, _req, res) => {
      // This process's latest counts first, so the panel includes the calls just made.
      await deps.wecomStats.flush();
      res.json(await wecomHealth(sessionOf(res).tenantId));
    },
  );

  return router;
}

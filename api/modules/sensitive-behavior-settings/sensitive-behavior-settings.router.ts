import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { sensitiveBehaviorSettingsSchema } from '../../../lib/contracts/sensitive-behavior-settings.contract';
import { loadBehaviorSettings, saveBehaviorSettings } from '../../../lib/sensitive/behavior-settings';
import { sessionOf } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';

const MENU = 'system.sensitive-behavior-settings';

/** 系统配置 → 敏感行为设置: which behaviours are watched, whose, and who is told. */
export function createSensitiveBehaviorSettingsRouter(
  registry: OpenAPIRegistry,
  authenticate: RequestHandler,
): Router {
  const router = Router();
  const common = {
    tags: ['sensitive-behavior-settings'],
    authenticated: true as const,
    guards: [authenticate],
  };
  const settingsResponse = {
    200: { description: 'The settings in force', schema: sensitiveBehaviorSettingsSchema },
  };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-behavior-settings',
      permission: MENU,
      summary: '敏感行为设置 in force (the defaults until first saved)',
      responses: settingsResponse,
    },
    async (_input, _req, res) => {
      res.json(await loadBehaviorSettings(sessionOf(res).tenantId));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/sensitive-behavior-settings',
      permission: `${MENU}.edit`,
      summary: '保存 敏感行为设置; detection follows from the next ingested batch or event',
      request: { body: sensitiveBehaviorSettingsSchema },
      responses: settingsResponse,
    },
    async ({ body }, req, res) => {
      const session = sessionOf(res);
      const before = await loadBehaviorSettings(session.tenantId);
      const after = await saveBehaviorSettings(session.tenantId, body);
      await recordAudit({
        tenantId: session.tenantId,
        actorStaffId: session.staffId,
        action: 'sensitive-behavior-settings.update',
        target: { type: 'sensitive-behavior-settings', id: session.tenantId, name: '敏感行为设置' },
        before,
        after,
        ip: req.ip,
      });
      res.json(after);
    },
  );

  return router;
}

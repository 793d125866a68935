import { Router } from 'express';
import { sensitiveBehaviorSettingsSchema } from '../../../lib/contracts/sensitive-behavior-settings.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { getBehaviorSettings, updateBehaviorSettings } from './sensitive-behavior-settings.use-case';

const MENU = 'system.sensitive-behavior-settings';

/** 系统配置 → 敏感行为设置: which behaviours are watched, whose, and who is told. */
export function createSensitiveBehaviorSettingsRouter({ registry, authenticate }: AppContext): Router {
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
    async (_input, req, res) => {
      res.json(await getBehaviorSettings(callerOf(req, res)));
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
      res.json(await updateBehaviorSettings(callerOf(req, res), body));
    },
  );

  return router;
}

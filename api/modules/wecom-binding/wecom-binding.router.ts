import { Router } from 'express';
import {
  archiveKeyPairSchema,
  bindingRejectedSchema,
  doctorReportSchema,
  saveWecomBindingSchema,
  wecomBindingViewSchema,
  wecomHealthSchema,
} from '../../../lib/contracts/wecom-binding.contract';
import { generateArchiveKeyPair } from '../../../lib/wecom/archive-key';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { BindingRejectedError, saveWeComBinding, wecomBindingOf } from './save-binding.use-case';
import { runSetupDoctor } from './setup-doctor.use-case';
import { wecomHealth } from './wecom-health.use-case';

/** 企微绑定 (R-7.4, I-107): the binding form, the setup doctor (体检) and the WeCom health panel. */
export function createWeComBindingRouter(app: AppContext): Router {
  const { registry, authenticate } = app;
  const router = Router();
  const common = { tags: ['wecom-binding'], authenticated: true as const, guards: [authenticate] };

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
    async (_input, req, res) => {
      res.json(await wecomBindingOf(callerOf(req, res), app));
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
      try {
        res.json(await saveWeComBinding(callerOf(req, res), body, app));
      } catch (error) {
        if (!(error instanceof BindingRejectedError)) throw error;
        res.status(422).json({
          error: { code: 'WECOM_BINDING_REJECTED', message: error.failures[0]?.message ?? '校验未通过' },
          failures: error.failures,
        });
      }
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
    async (_input, req, res) => {
      res.json(await runSetupDoctor(callerOf(req, res), app));
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
    async (_input, req, res) => {
      res.json(await wecomHealth(callerOf(req, res), app));
    },
  );

  return router;
}

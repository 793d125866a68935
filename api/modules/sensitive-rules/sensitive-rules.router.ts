import { Router } from 'express';
import {
  sensitiveRuleInputSchema,
  sensitiveRuleListQuerySchema,
  sensitiveRulePageSchema,
  sensitiveRuleParamsSchema,
  sensitiveRuleSchema,
  sensitiveRuleSwitchSchema,
} from '../../../lib/contracts/sensitive-rules.contract';
import type { AppContext } from '../../app-context';
import { callerOf } from '../../auth/caller';
import { defineRoute } from '../../http/define-route';
import { createRule, deleteRule, editRule, listRules, switchRule } from './sensitive-rules.use-case';

const MENU = 'archive.sensitive-words';

/** 会话存档 → 敏感消息管理: the tenant's sensitive-word rules; every change is audited. */
export function createSensitiveRulesRouter({ registry, authenticate }: AppContext): Router {
  const router = Router();
  const common = { tags: ['sensitive-rules'], authenticated: true as const, guards: [authenticate] };
  const ruleResponse = { 200: { description: 'The rule as saved', schema: sensitiveRuleSchema } };

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'get',
      path: '/api/sensitive-rules',
      permission: MENU,
      summary: '敏感消息列表: live rules by name and 状态, newest first or by 命中次数',
      request: { query: sensitiveRuleListQuerySchema },
      responses: { 200: { description: 'A page of rules', schema: sensitiveRulePageSchema } },
    },
    async ({ query }, req, res) => {
      res.json(await listRules(callerOf(req, res), query));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'post',
      path: '/api/sensitive-rules',
      permission: `${MENU}.create`,
      summary: '新建敏感消息: a rule, created closed',
      request: { body: sensitiveRuleInputSchema },
      responses: {
        201: { description: 'Created', schema: sensitiveRuleSchema },
        409: { description: '规则名称已存在' },
      },
    },
    async ({ body }, req, res) => {
      res.status(201).json(await createRule(callerOf(req, res), body));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/sensitive-rules/:ruleId',
      permission: `${MENU}.edit`,
      summary: '编辑 a rule: name, words, 分类',
      request: { params: sensitiveRuleParamsSchema, body: sensitiveRuleInputSchema },
      responses: ruleResponse,
    },
    async ({ params, body }, req, res) => {
      res.json(await editRule(callerOf(req, res), { ...body, ...params }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'put',
      path: '/api/sensitive-rules/:ruleId/enabled',
      permission: `${MENU}.edit`,
      summary: '开启 / 关闭 a rule',
      request: { params: sensitiveRuleParamsSchema, body: sensitiveRuleSwitchSchema },
      responses: ruleResponse,
    },
    async ({ params, body }, req, res) => {
      res.json(await switchRule(callerOf(req, res), { ...body, ...params }));
    },
  );

  defineRoute(
    registry,
    router,
    {
      ...common,
      method: 'delete',
      path: '/api/sensitive-rules/:ruleId',
      permission: `${MENU}.delete`,
      summary: '删除 a rule (soft: its hits keep it)',
      request: { params: sensitiveRuleParamsSchema },
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ params }, req, res) => {
      await deleteRule(callerOf(req, res), params);
      res.status(204).end();
    },
  );

  return router;
}

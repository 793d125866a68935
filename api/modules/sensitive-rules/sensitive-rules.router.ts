import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler, type Request } from 'express';
import {
  sensitiveRuleInputSchema,
  sensitiveRuleListQuerySchema,
  sensitiveRulePageSchema,
  sensitiveRuleParamsSchema,
  sensitiveRuleSchema,
  sensitiveRuleSwitchSchema,
  type SensitiveRuleView,
} from '../../../lib/contracts/sensitive-rules.contract';
import type { AuditAction } from '../../../lib/models/audit-log.model';
import { sessionOf, type Session } from '../../auth/session';
import { defineRoute } from '../../http/define-route';
import { recordAudit } from '../audit/record-audit';
import { createRule, deleteRule, editRule, listRules, switchRule } from './sensitive-rules.use-case';

const MENU = 'archive.sensitive-words';

/** 会话存档 → 敏感消息管理: the tenant's sensitive-word rules; every change is audited. */
export function createSensitiveRulesRouter(registry: OpenAPIRegistry, authenticate: RequestHandler): Router {
  const router = Router();
  const common = { tags: ['sensitive-rules'], authenticated: true as const, guards: [authenticate] };
  const ruleResponse = { 200: { description: 'The rule as saved', schema: sensitiveRuleSchema } };
  const audit = (
    session: Session,
    req: Request,
    action: AuditAction,
    rule: SensitiveRuleView,
    change: { before?: SensitiveRuleView; after?: SensitiveRuleView },
  ) =>
    recordAudit({
      tenantId: session.tenantId,
      actorStaffId: session.staffId,
      action,
      target: { type: 'sensitive-rule', id: rule.id, name: rule.name },
      ...change,
      ip: req.ip,
    });

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
    async ({ query }, _req, res) => {
      res.json(await listRules(sessionOf(res).tenantId, query));
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
      const session = sessionOf(res);
      const rule = await createRule(session, body);
      await audit(session, req, 'sensitive-rule.create', rule, { after: rule });
      res.status(201).json(rule);
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
      const session = sessionOf(res);
      const change = await editRule(session.tenantId, params.ruleId, body);
      await audit(session, req, 'sensitive-rule.update', change.after, change);
      res.json(change.after);
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
      const session = sessionOf(res);
      const rule = await switchRule(session.tenantId, params.ruleId, body.enabled);
      await audit(session, req, 'sensitive-rule.switch', rule, { after: { ...rule } });
      res.json(rule);
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
      const session = sessionOf(res);
      const rule = await deleteRule(session.tenantId, params.ruleId);
      await audit(session, req, 'sensitive-rule.delete', rule, { before: rule });
      res.status(204).end();
    },
  );

  return router;
}

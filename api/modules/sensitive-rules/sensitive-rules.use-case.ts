import type { FilterQuery } from 'mongoose';
import {
  splitWords,
  type SensitiveRuleInput,
  type SensitiveRuleListQuery,
  type SensitiveRuleView,
} from '../../../lib/contracts/sensitive-rules.contract';
import type { AuditAction } from '../../../lib/models/audit-log.model';
import { RoleModel } from '../../../lib/models/role.model';
import {
  SensitiveRuleModel,
  type SensitiveRule,
  type Sentiment,
} from '../../../lib/models/sensitive-rule.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { bumpRulesVersion } from '../../../lib/sensitive/rules-version';
import { escapeRegExp } from '../../../lib/text/escape-reg-exp';
import type { Caller } from '../../auth/caller';
import { conflict, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';

/** R-0-03: what the super admin creates shows "管理员" as its 创建人. */
const SYSTEM_CREATOR = '管理员';

type StoredRule = SensitiveRule & { _id: unknown; createdAt?: Date };

const LIST_SORTS = {
  createdAt: { createdAt: -1, _id: -1 },
  'hitCount-asc': { hitCount: 1, createdAt: -1, _id: -1 },
  'hitCount-desc': { hitCount: -1, createdAt: -1, _id: -1 },
} as const;

/** 敏感消息列表: live rules, by name and 状态, newest first or by 命中次数. */
export async function listRules(caller: Caller, query: SensitiveRuleListQuery) {
  const filter: FilterQuery<SensitiveRule> = { tenantId: caller.tenantId, deletedAt: null };
  if (query.keyword) filter.name = new RegExp(escapeRegExp(query.keyword));
  if (query.status !== 'all') filter.enabled = query.status === 'enabled';
  const [rows, total] = await Promise.all([
    SensitiveRuleModel.find(filter)
      .sort(LIST_SORTS[query.sort])
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    SensitiveRuleModel.countDocuments(filter),
  ]);
  return { items: rows.map(ruleView), total, page: query.page, pageSize: query.pageSize };
}

/** 新建敏感消息: created closed (R-5.2.1-09); names are unique among live rules (I-81). */
export async function createRule(caller: Caller, input: SensitiveRuleInput): Promise<SensitiveRuleView> {
  await assertNameFree(caller.tenantId, input.name);
  const rule = await SensitiveRuleModel.create({
    tenantId: caller.tenantId,
    name: input.name,
    words: splitWords(input.words),
    sentiment: input.sentiment,
    enabled: false,
    createdBy: { staffId: caller.staffId, name: await creatorName(caller) },
  });
  const view = ruleView(rule.toObject());
  await auditRule(caller, 'sensitive-rule.create', view, { after: view });
  return view;
}

export async function editRule(
  caller: Caller,
  { ruleId, ...input }: SensitiveRuleInput & { ruleId: string },
): Promise<SensitiveRuleView> {
  const { tenantId } = caller;
  const before = await liveRule(tenantId, ruleId);
  if (input.name !== before.name) await assertNameFree(tenantId, input.name);
  const after = await SensitiveRuleModel.findOneAndUpdate(
    { tenantId, _id: ruleId, deletedAt: null },
    { $set: { name: input.name, words: splitWords(input.words), sentiment: input.sentiment as Sentiment } },
    { new: true },
  ).lean();
  if (!after) throw notFound('规则不存在或已删除', 'SENSITIVE_RULE_NOT_FOUND');
  await bumpRulesVersion(tenantId);
  const change = { before: ruleView(before), after: ruleView(after) };
  await auditRule(caller, 'sensitive-rule.update', change.after, change);
  return change.after;
}

/** 开启 / 关闭 (R-5.2.1-09/11): a closed rule's words stop being monitored from the next ingested batch. */
export async function switchRule(
  caller: Caller,
  { ruleId, enabled }: { ruleId: string; enabled: boolean },
): Promise<SensitiveRuleView> {
  const rule = await SensitiveRuleModel.findOneAndUpdate(
    { tenantId: caller.tenantId, _id: ruleId, deletedAt: null },
    { $set: { enabled } },
    { new: true },
  ).lean();
  if (!rule) throw notFound('规则不存在或已删除', 'SENSITIVE_RULE_NOT_FOUND');
  await bumpRulesVersion(caller.tenantId);
  const view = ruleView(rule);
  await auditRule(caller, 'sensitive-rule.switch', view, { after: view });
  return view;
}

/** 删除 (R-5.2.1-10): soft, so hit rows and their reviews keep their rule. */
export async function deleteRule(caller: Caller, { ruleId }: { ruleId: string }): Promise<void> {
  const rule = await SensitiveRuleModel.findOneAndUpdate(
    { tenantId: caller.tenantId, _id: ruleId, deletedAt: null },
    { $set: { deletedAt: new Date(), enabled: false } },
    { new: true },
  ).lean();
  if (!rule) throw notFound('规则不存在或已删除', 'SENSITIVE_RULE_NOT_FOUND');
  await bumpRulesVersion(caller.tenantId);
  const view = ruleView(rule);
  await auditRule(caller, 'sensitive-rule.delete', view, { before: view });
}

function auditRule(
  caller: Caller,
  action: AuditAction,
  rule: SensitiveRuleView,
  change: { before?: SensitiveRuleView; after?: SensitiveRuleView },
) {
  return recordAudit(caller, {
    action,
    target: { type: 'sensitive-rule', id: rule.id, name: rule.name },
    ...change,
  });
}

async function liveRule(tenantId: string, ruleId: string): Promise<StoredRule> {
  const rule = await SensitiveRuleModel.findOne({ tenantId, _id: ruleId, deletedAt: null }).lean();
  if (!rule) throw notFound('规则不存在或已删除', 'SENSITIVE_RULE_NOT_FOUND');
  return rule;
}

async function assertNameFree(tenantId: string, name: string): Promise<void> {
  const taken = await SensitiveRuleModel.exists({ tenantId, name, deletedAt: null });
  if (taken) throw conflict('规则名称已存在', 'SENSITIVE_RULE_NAME_TAKEN');
}

async function creatorName(caller: Caller): Promise<string> {
  const staff = await StaffModel.findOne(
    { tenantId: caller.tenantId, _id: caller.staffId },
    { name: 1, roleId: 1 },
  ).lean();
  if (!staff) return '';
  const role = staff.roleId
    ? await RoleModel.findOne({ tenantId: caller.tenantId, _id: staff.roleId }, { builtIn: 1 }).lean()
    : null;
  return role?.builtIn === 'super_admin' ? SYSTEM_CREATOR : staff.name;
}

function ruleView(rule: StoredRule): SensitiveRuleView {
  return {
    id: String(rule._id),
    name: rule.name,
    words: rule.words,
    sentiment: rule.sentiment as Sentiment,
    enabled: rule.enabled,
    hitCount: rule.hitCount,
    creatorName: rule.createdBy?.name ?? '',
    createdAt: (rule.createdAt ?? new Date(0)).toISOString(),
  };
}

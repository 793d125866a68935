/**
 * 敏感消息 rules and 敏感行为设置 for the demo, in place before the demo archive is ingested, so the ingest's own
 * matcher raises the 敏感行为审核 alerts: the words are those of the generated chats' risky lines
 * (wecom-sim/archive/conversation-lines.ts). Rules are made as 新建 makes them (closed), then switched on
 * like 开启; one stays closed to show both states. A rule whose name exists, and settings once saved, are kept.
 */
import { createRule, switchRule } from '../../api/modules/sensitive-rules/sensitive-rules.use-case';
import { sensitiveBehaviorSettingsSchema } from '../../lib/contracts/sensitive-behavior-settings.contract';
import { sensitiveRuleInputSchema } from '../../lib/contracts/sensitive-rules.contract';
import { SensitiveBehaviorSettingsModel } from '../../lib/models/sensitive-behavior-settings.model';
import { SensitiveRuleModel } from '../../lib/models/sensitive-rule.model';
import { saveBehaviorSettings } from '../../lib/sensitive/behavior-settings';
import type { DemoAdmin } from './demo-admin';

const DEMO_RULES = [
  { name: '私下交易', words: '私下转账，返现，个人账户', sentiment: 'negative', enabled: true },
  { name: '客户投诉', words: '投诉，退款，差评', sentiment: 'negative', enabled: true },
  { name: '竞品提及', words: '竞品，友商', sentiment: 'neutral', enabled: false },
] as const;

/** Watch 敏感消息 in what customers and staff send; the 销售总监 and the group's owner hear of each. */
const DEMO_SETTINGS = {
  behaviors: ['sensitive-message'],
  auditedParties: ['customer', 'staff'],
  auditedUserids: [],
  notifyGroupOwner: true,
  notifyTrigger: false,
  notifyUserids: ['zhangwei'],
  notifyByApp: true,
};

/** Answers how many rules were created now. */
export async function seedDemoSensitiveRules(admin: DemoAdmin): Promise<number> {
  const { caller } = admin;
  const { tenantId } = caller;
  let created = 0;
  for (const { enabled, ...fields } of DEMO_RULES) {
    if (await SensitiveRuleModel.exists({ tenantId, name: fields.name, deletedAt: null })) continue;
    const rule = await createRule(caller, sensitiveRuleInputSchema.parse(fields));
    if (enabled) await switchRule(caller, { ruleId: rule.id, enabled: true });
    created += 1;
  }
  if (!(await SensitiveBehaviorSettingsModel.exists({ tenantId, _id: tenantId }))) {
    await saveBehaviorSettings(tenantId, sensitiveBehaviorSettingsSchema.parse(DEMO_SETTINGS));
  }
  return created;
}

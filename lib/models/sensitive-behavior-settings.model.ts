import { InferSchemaType, Schema, model } from 'mongoose';
import { AUDITED_PARTIES, SENSITIVE_BEHAVIORS } from '../contracts/sensitive-behavior-settings.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

export type SensitiveBehavior = (typeof SENSITIVE_BEHAVIORS)[number];

export type AuditedParty = (typeof AUDITED_PARTIES)[number];

/**
 * 敏感行为设置, one document per tenant (`_id` = tenant id). Until it is first saved the defaults
 * apply: nothing watched, both parties audited, app notifications on (R-7.6-02/05/08).
 */
const sensitiveBehaviorSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    behaviors: { type: [String], enum: SENSITIVE_BEHAVIORS, default: [] },
    auditedParties: { type: [String], enum: AUDITED_PARTIES, default: ['customer', 'staff'] },
    /** 被审计员工 (R-7.6-06): the staff whose chats and friend deletions are audited. */
    auditedUserids: { type: [String], default: [] },
    notifyGroupOwner: { type: Boolean, default: false },
    notifyTrigger: { type: Boolean, default: false },
    /** 自定义通知员工 (R-7.6-07). */
    notifyUserids: { type: [String], default: [] },
    /** 企业微信应用通知 (R-7.6-08). */
    notifyByApp: { type: Boolean, default: true },
  },
  { versionKey: false, timestamps: true },
);
sensitiveBehaviorSettingsSchema.plugin(tenantScopePlugin);

export type SensitiveBehaviorSettings = InferSchemaType<typeof sensitiveBehaviorSettingsSchema>;
export const SensitiveBehaviorSettingsModel = model(
  'SensitiveBehaviorSettings',
  sensitiveBehaviorSettingsSchema,
  'sensitive_behavior_settings',
);

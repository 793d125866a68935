import { InferSchemaType, Schema, model } from 'mongoose';
import { ALERT_STATUSES } from '../contracts/sensitive-alerts.contract';
import { SENSITIVE_BEHAVIORS } from '../contracts/sensitive-behavior-settings.contract';
import { SENTIMENTS } from '../contracts/sensitive-rules.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { undeliveredRecipientSchema } from './undelivered-recipient.schema';

export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * One sensitive behaviour to review (敏感行为审核, R-5.3): a red packet, a card, a message hitting a rule,
 * or a deleted friend. A message hitting two rules gives two rows, several words of one rule one row
 * (R-5.3.1-06, I-84). `_id` is `<tenantId>:<msgid>:<ruleId>` for a rule hit, `<tenantId>:<msgid>:<behavior>`
 * for a red packet or card, so a batch read again after a crash inserts nothing twice. The rule's name and
 * 分类 are copied: the row outlives edits and the rule's deletion. Rule rows are what 命中次数 counts (I-79).
 */
const sensitiveAlertSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    behavior: { type: String, required: true, enum: SENSITIVE_BEHAVIORS },
    msgid: { type: String, default: '' },
    /** sensitive-message only. */
    ruleId: { type: String },
    ruleName: { type: String },
    sentiment: { type: String, enum: SENTIMENTS },
    /** The rule's words found in the message, in order of first occurrence (for highlighting). */
    words: { type: [String], default: [] },
    /** 触发人: the sender's userid or external userid. */
    from: { type: String, required: true },
    senderType: { type: String, required: true, enum: ['staff', 'external'] },
    conversationId: { type: String, default: '' },
    /** The members of the conversation: whose 数据权限 covers the row. */
    staffUserids: { type: [String], default: [] },
    roomid: { type: String, default: '' },
    triggeredAt: { type: Date, required: true },
    content: { type: String, default: '' },
    /** 审核: 待审核 until a reviewer marks it 违规属实 or 移除预警; 重新审核 overwrites it. */
    status: { type: String, enum: ALERT_STATUSES, default: 'pending' },
    reviewNote: { type: String, default: '' },
    reviewer: { type: new Schema({ userid: String, name: String }, { _id: false }) },
    reviewedAt: { type: Date },
    /** The members the app notice about it (R-7.6-07) did not reach, as WeCom answered the send. */
    noticeUndelivered: { type: [undeliveredRecipientSchema], default: undefined },
  },
  // updatedAt: the 敏感行为审核 index's version (a review is newer than the row it reviews).
  { versionKey: false, timestamps: true },
);
sensitiveAlertSchema.plugin(tenantScopePlugin);
// 命中次数 recount per rule.
sensitiveAlertSchema.index({ tenantId: 1, ruleId: 1 });
// The review list: newest first, by behaviour.
sensitiveAlertSchema.index({ tenantId: 1, triggeredAt: -1 });
sensitiveAlertSchema.index({ tenantId: 1, behavior: 1, triggeredAt: -1 });
sensitiveAlertSchema.index({ tenantId: 1, staffUserids: 1, triggeredAt: -1 });
sensitiveAlertSchema.index({ tenantId: 1, from: 1, triggeredAt: -1 });
sensitiveAlertSchema.index({ tenantId: 1, status: 1, triggeredAt: -1 });
sensitiveAlertSchema.index({ tenantId: 1, 'reviewer.name': 1, triggeredAt: -1 });

export type SensitiveAlert = InferSchemaType<typeof sensitiveAlertSchema>;
export const SensitiveAlertModel = model('SensitiveAlert', sensitiveAlertSchema, 'sensitive_alerts');

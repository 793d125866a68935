import { InferSchemaType, Schema, model } from 'mongoose';
import { SENTIMENTS } from '../contracts/sensitive-rules.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

export type Sentiment = (typeof SENTIMENTS)[number];

/**
 * 敏感消息规则: a named list of words; a message with any one of them hits the rule. Created closed
 * (R-5.2.1-09); 删除 only marks `deletedAt` (R-5.2.1-10) so hit rows keep pointing at it.
 * `hitCount` is recounted from the rule's hit rows after each ingested batch, so it stays exact when a batch
 * is read again.
 */
const sensitiveRuleSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    words: { type: [String], default: [] },
    sentiment: { type: String, required: true, enum: SENTIMENTS, default: 'negative' },
    enabled: { type: Boolean, default: false },
    hitCount: { type: Number, default: 0 },
    createdBy: {
      staffId: { type: String, required: true },
      name: { type: String, default: '' },
    },
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
sensitiveRuleSchema.plugin(tenantScopePlugin);
// The list: live rules newest first, or by 命中次数; filtered by 状态.
sensitiveRuleSchema.index({ tenantId: 1, deletedAt: 1, createdAt: -1 });
sensitiveRuleSchema.index({ tenantId: 1, deletedAt: 1, hitCount: 1 });
sensitiveRuleSchema.index({ tenantId: 1, deletedAt: 1, enabled: 1 });
sensitiveRuleSchema.index({ tenantId: 1, name: 1 });

export type SensitiveRule = InferSchemaType<typeof sensitiveRuleSchema>;
export const SensitiveRuleModel = model('SensitiveRule', sensitiveRuleSchema, 'sensitive_rules');

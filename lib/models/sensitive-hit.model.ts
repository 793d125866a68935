import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { SENTIMENTS } from './sensitive-rule.model';

/**
 * One archived message hitting one sensitive-message rule (R-5.3.1-06, I-84): a message hitting two rules
 * gives two rows, several words of one rule give one row. `_id` is `<tenantId>:<msgid>:<ruleId>`, so a batch
 * read again after a crash inserts nothing twice. The rule's name and 分类 are copied: the row outlives edits
 * and the rule's deletion. These rows are what 命中次数 counts (I-79) and what 敏感行为审核 reviews.
 */
const sensitiveHitSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    msgid: { type: String, required: true },
    ruleId: { type: String, required: true },
    ruleName: { type: String, required: true },
    sentiment: { type: String, required: true, enum: SENTIMENTS },
    /** The rule's words found in the message, in order of first occurrence (for highlighting). */
    words: { type: [String], default: [] },
    from: { type: String, required: true },
    senderType: { type: String, required: true, enum: ['staff', 'external'] },
    conversationId: { type: String, required: true },
    roomid: { type: String, default: '' },
    msgtime: { type: Date, required: true },
    content: { type: String, default: '' },
  },
  { versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
sensitiveHitSchema.plugin(tenantScopePlugin);
// 命中次数 recount per rule.
sensitiveHitSchema.index({ tenantId: 1, ruleId: 1 });
sensitiveHitSchema.index({ tenantId: 1, msgtime: -1 });

export type SensitiveHit = InferSchemaType<typeof sensitiveHitSchema>;
export const SensitiveHitModel = model('SensitiveHit', sensitiveHitSchema, 'sensitive_hits');

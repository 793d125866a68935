import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 发送 or 复制 of a 知识库 item from the side panel (I-71), `_id` `<tenant>|<actionId>`: a retry of the same
 * press inserts nothing, so it is counted once.
 */
const knowledgeUsageSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    itemId: { type: String, required: true },
    action: { type: String, required: true, enum: ['send', 'copy'] },
    staffId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// An item's uses, counted after each.
knowledgeUsageSchema.index({ tenantId: 1, itemId: 1 });
knowledgeUsageSchema.plugin(tenantScopePlugin);

export const KnowledgeUsageModel = model('KnowledgeUsage', knowledgeUsageSchema, 'knowledge_usages');

/**
 * An item's 使用次数 (`_id` `<tenant>|<itemId>`): the number of its usage rows, raised by compare-and-set to
 * the number counted after each use (FerretDB would lose concurrent `$inc`s), so a use whose count was not
 * written (a killed process) is caught up by the next use or by the retry of the same press.
 */
const knowledgeUsageCountSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    itemId: { type: String, required: true },
    count: { type: Number, required: true },
  },
  { versionKey: false },
);
knowledgeUsageCountSchema.plugin(tenantScopePlugin);

export type KnowledgeUsageCount = InferSchemaType<typeof knowledgeUsageCountSchema>;
export const KnowledgeUsageCountModel = model(
  'KnowledgeUsageCount',
  knowledgeUsageCountSchema,
  'knowledge_usage_counts',
);

import { Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 发送 or 复制 of a 知识库 item from the side panel (I-71), `_id` `<tenant>|<actionId>`: a retry of the same
 * press inserts nothing, so it is counted once. An item's 使用次数 is the number of its rows, counted whenever the
 * item is read or indexed: a unique `_id` is the one guard FerretDB v1 keeps under concurrent writers (a stored
 * counter raised by `$inc` or a conditional update loses uses there).
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

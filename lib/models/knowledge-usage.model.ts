import { Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 发送 or 复制 of a 知识库 item from the side panel (I-71), `_id` `<tenant>|<actionId>`: a retry of the same
 * press inserts nothing, so it is recorded once. It is counted in the item's tally (below, lib/knowledge/
 * usage-tally.ts): `tallyFrom` is the item's count read before the row was inserted, where whoever finishes the
 * press (its first request or a retry) starts looking for its slot; `slot` is the slot, once it is known.
 */
const knowledgeUsageSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    itemId: { type: String, required: true },
    action: { type: String, required: true, enum: ['send', 'copy'] },
    staffId: { type: String, required: true },
    at: { type: Date, required: true },
    tallyFrom: { type: Number, required: true },
    slot: { type: Number },
  },
  { versionKey: false },
);
// An item's uses (for a report of who used what; the count is the tally's).
knowledgeUsageSchema.index({ tenantId: 1, itemId: 1 });
knowledgeUsageSchema.plugin(tenantScopePlugin);

export const KnowledgeUsageModel = model('KnowledgeUsage', knowledgeUsageSchema, 'knowledge_usages');

/**
 * An item's 使用次数 as numbered slots, `_id` `<tenant>|<itemId>|<n>` for n = 1, 2, …, each naming the press it
 * counts: the count is the last slot. Claimed by inserting, so two presses never take one number (the unique
 * `_id` is the one guard FerretDB v1 keeps under concurrent writers, where `$inc` on a counter loses updates), and
 * found by `_id`, so reading a count costs a few point reads however much the tenant's library is used (counting
 * an item's usage rows reads all of the tenant's: FerretDB v1 pushes no filter of a count down).
 */
const knowledgeUsageSlotSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    itemId: { type: String, required: true },
    actionId: { type: String, required: true },
  },
  { versionKey: false },
);
knowledgeUsageSlotSchema.plugin(tenantScopePlugin);

export const KnowledgeUsageSlotModel = model(
  'KnowledgeUsageSlot',
  knowledgeUsageSlotSchema,
  'knowledge_usage_slots',
);

/**
 * Where to start looking for an item's last slot (`_id` `<tenant>|<itemId>`): written after a slot is taken, so
 * it may lag behind (a late writer may set it back a little; readers step on from it), never ahead.
 */
const knowledgeUsageHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    slot: { type: Number, required: true },
  },
  { versionKey: false },
);
knowledgeUsageHeadSchema.plugin(tenantScopePlugin);

export const KnowledgeUsageHeadModel = model(
  'KnowledgeUsageHead',
  knowledgeUsageHeadSchema,
  'knowledge_usage_heads',
);

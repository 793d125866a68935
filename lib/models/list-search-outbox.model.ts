import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Rows of a search read model (客户, 客户群, 敏感行为审核: lib/search/list-read-model.ts) whose MongoDB write may not
 * have reached Elasticsearch yet. A writer puts its rows down BEFORE it writes MongoDB (one insertMany, tagged
 * with its `writeId`) and removes them by that id once the index has them, so a process killed in between leaves
 * them for the drain (workflows/list-search.workflow.ts), and a concurrent writer's rows are never taken for
 * ours. Small by nature: rows live for the length of a write, or until the index is back.
 */
const listSearchOutboxSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true },
    key: { type: String, required: true },
    /** The write that put the row down, which alone removes it (the drain removes rows it indexed by _id). */
    writeId: { type: String, required: true },
    markedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
listSearchOutboxSchema.plugin(tenantScopePlugin);
listSearchOutboxSchema.index({ tenantId: 1 });
listSearchOutboxSchema.index({ tenantId: 1, writeId: 1 });

export type ListSearchOutboxRow = InferSchemaType<typeof listSearchOutboxSchema>;
export const ListSearchOutboxModel = model('ListSearchOutbox', listSearchOutboxSchema, 'list_search_outbox');

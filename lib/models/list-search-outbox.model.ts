import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Rows of a list read model (客户群, 敏感行为审核: lib/search/list-read-model.ts) whose MongoDB write may not have
 * reached Elasticsearch yet. A writer marks its rows BEFORE it writes MongoDB and removes the mark once the index
 * has them, so a process killed in between leaves the mark for the drain (workflows/list-search.workflow.ts).
 * `_id` is `<kind>|<tenantId>|<key>`: a row is pending once however often it changes, and `markedAt` tells whether
 * the mark a remover read is still the latest. Small by nature: marks live for the length of a write.
 */
const listSearchOutboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true },
    key: { type: String, required: true },
    markedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
listSearchOutboxSchema.plugin(tenantScopePlugin);
listSearchOutboxSchema.index({ tenantId: 1 });

export type ListSearchOutboxRow = InferSchemaType<typeof listSearchOutboxSchema>;
export const ListSearchOutboxModel = model('ListSearchOutbox', listSearchOutboxSchema, 'list_search_outbox');

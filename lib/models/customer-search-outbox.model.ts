import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Customers written to MongoDB whose write has not reached the search index yet: one row per write, put
 * down before the write (lib/search/customer-indexer.ts) and removed once the index has the customers. What
 * stays (a process killed in between, the index down) is drained by the tenant's outbox workflow. Small by
 * nature: rows live for the length of a write, or until the index is back.
 */
const customerSearchOutboxSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    /** The write that put the row down, which alone removes it. */
    writeId: { type: String, required: true },
    markedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
customerSearchOutboxSchema.plugin(tenantScopePlugin);
customerSearchOutboxSchema.index({ tenantId: 1, markedAt: 1 });
customerSearchOutboxSchema.index({ tenantId: 1, writeId: 1 });

export type CustomerSearchOutboxRow = InferSchemaType<typeof customerSearchOutboxSchema>;
export const CustomerSearchOutboxModel = model(
  'CustomerSearchOutbox',
  customerSearchOutboxSchema,
  'customer_search_outbox',
);

import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Customers whose latest MongoDB write has not reached the search index yet (it was unreachable or refused).
 * Keyed by the customer's _id, so a customer is pending once however often it changes; `markedAt` tells the
 * drain whether the row it read is still the latest mark. Small by nature: rows live until the index is back.
 */
const customerSearchOutboxSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    tenantId: { type: String, required: true },
    markedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
customerSearchOutboxSchema.plugin(tenantScopePlugin);
customerSearchOutboxSchema.index({ tenantId: 1, markedAt: 1 });

export type CustomerSearchOutboxRow = InferSchemaType<typeof customerSearchOutboxSchema>;
export const CustomerSearchOutboxModel = model(
  'CustomerSearchOutbox',
  customerSearchOutboxSchema,
  'customer_search_outbox',
);

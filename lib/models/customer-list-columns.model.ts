import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** A staff member's 客户列表 columns (R-3.1.1-05): the ones they chose, in their order. `_id` = staff id. */
const customerListColumnsSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    columns: { type: [String], required: true },
  },
  { timestamps: { createdAt: false, updatedAt: true } },
);
customerListColumnsSchema.plugin(tenantScopePlugin);
customerListColumnsSchema.index({ tenantId: 1 });

export type CustomerListColumns = InferSchemaType<typeof customerListColumnsSchema>;
export const CustomerListColumnsModel = model(
  'CustomerListColumns',
  customerListColumnsSchema,
  'customer_list_columns',
);

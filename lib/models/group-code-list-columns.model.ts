import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** A staff member's 群活码列表 columns (R-2.1.1-14, I-04): the ones they chose, in their order. `_id` = staff id. */
const groupCodeListColumnsSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    columns: { type: [String], required: true },
  },
  { timestamps: { createdAt: false, updatedAt: true } },
);
groupCodeListColumnsSchema.plugin(tenantScopePlugin);
groupCodeListColumnsSchema.index({ tenantId: 1 });

export type GroupCodeListColumns = InferSchemaType<typeof groupCodeListColumnsSchema>;
export const GroupCodeListColumnsModel = model(
  'GroupCodeListColumns',
  groupCodeListColumnsSchema,
  'group_code_list_columns',
);

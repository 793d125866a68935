import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A staff member's list columns (the gear, R-3.1.1-05 and R-3.2.1-07): per list, the ones they chose, in
 * their order. `_id` = staff id. The 客户 list's field is `columns`, as it was before other lists had one.
 */
const listColumnsSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    /** 客户 (R-3.1.1-05). */
    columns: { type: [String], default: undefined },
    /** 客户群 (R-3.2.1-07). */
    groupColumns: { type: [String], default: undefined },
  },
  { timestamps: { createdAt: false, updatedAt: true } },
);
listColumnsSchema.plugin(tenantScopePlugin);
listColumnsSchema.index({ tenantId: 1 });

export type ListColumns = InferSchemaType<typeof listColumnsSchema>;
/** Which list a field holds. */
export type ListColumnsField = 'columns' | 'groupColumns';
export const ListColumnsModel = model('ListColumns', listColumnsSchema, 'customer_list_columns');

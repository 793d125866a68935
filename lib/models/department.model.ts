import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** A WeCom department as last seen by a sync or a change_contact callback. Root has parentId 0. */
const departmentSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    deptId: { type: Number, required: true },
    name: { type: String, required: true },
    parentId: { type: Number, required: true },
    order: { type: Number, default: 0 },
    lastSeenAt: { type: Date },
  },
  { timestamps: true },
);
departmentSchema.plugin(tenantScopePlugin);
departmentSchema.index({ tenantId: 1, deptId: 1 }, { unique: true });
departmentSchema.index({ tenantId: 1, lastSeenAt: 1 });

export type Department = InferSchemaType<typeof departmentSchema>;
export const DepartmentModel = model('Department', departmentSchema, 'departments');

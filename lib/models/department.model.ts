import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { writeBackStateSchema } from './write-back-state';

/** A WeCom department as last seen by a sync or a change_contact callback. Root has parentId 0. */
const departmentSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    deptId: { type: Number, required: true },
    name: { type: String, required: true },
    parentId: { type: Number, required: true },
    order: { type: Number, default: 0 },
    lastSeenAt: { type: Date },
    /** A local edit on its way to WeCom (组织架构 editing), or the last one WeCom refused. */
    writeBack: { type: writeBackStateSchema },
  },
  { timestamps: true },
);
departmentSchema.plugin(tenantScopePlugin);
departmentSchema.index({ tenantId: 1, deptId: 1 }, { unique: true });
departmentSchema.index({ tenantId: 1, lastSeenAt: 1 });

export type Department = InferSchemaType<typeof departmentSchema>;
export const DepartmentModel = model('Department', departmentSchema, 'departments');

import { InferSchemaType, Schema, model } from 'mongoose';
import { ORG_CHANGE_KINDS, ORG_CHANGE_OPS, ORG_CHANGE_STATUSES } from '../contracts/org-edit.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { writeBackStateSchema } from './write-back-state';

/**
 * One local edit of the org (组织架构) to be written back to WeCom's contacts API (I-95). Saved together with
 * the local change; the tenant's org-write-back workflow applies pending ones in `seq` order, one at a time.
 */
const orgChangeSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    /** Time-ordered (ms since epoch × 1000 + a counter), so a tenant's edits apply in the order they were made. */
    seq: { type: Number, required: true },
    kind: { type: String, enum: ORG_CHANGE_KINDS, required: true },
    op: { type: String, enum: ORG_CHANGE_OPS, required: true },
    /** deptId (as a string) or userid. */
    targetId: { type: String, required: true },
    targetName: { type: String, required: true },
    /** The WeCom request body (department/create…, user/update…), ready to send. */
    request: { type: Schema.Types.Mixed, required: true },
    /** Their local values before the edit: the rollback when WeCom refuses it and has no record to read back. */
    before: { type: Schema.Types.Mixed },
    /** The local fields this change writes: the sync leaves them alone while it is pending. */
    fields: { type: [String], default: [] },
    status: { type: String, enum: ORG_CHANGE_STATUSES, required: true, default: 'pending' },
    /** Calls that failed transiently (WeCom busy or unreachable); each is retried. */
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
    errcode: { type: Number },
    /** Chinese, for the admin. */
    message: { type: String },
    actorStaffId: { type: String, required: true },
    appliedAt: { type: Date },
  },
  { timestamps: true },
);
orgChangeSchema.plugin(tenantScopePlugin);
orgChangeSchema.index({ tenantId: 1, status: 1, seq: 1 });
orgChangeSchema.index({ tenantId: 1, seq: -1 });

export { writeBackStateSchema };
export type OrgChange = InferSchemaType<typeof orgChangeSchema>;
export const OrgChangeModel = model('OrgChange', orgChangeSchema, 'org_changes');

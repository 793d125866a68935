import { InferSchemaType, Schema, model } from 'mongoose';
import { AUDIT_ACTIONS } from '../contracts/audit.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who changed what, when, with the state before and after (issue 3, audit log). Never updated, only added. */
const auditLogSchema = new Schema({
  tenantId: { type: String, required: true },
  at: { type: Date, required: true },
  action: { type: String, required: true, enum: AUDIT_ACTIONS },
  actor: {
    staffId: { type: String, required: true },
    name: { type: String, required: true },
  },
  target: {
    type: { type: String },
    id: { type: String },
    name: { type: String },
  },
  before: { type: Schema.Types.Mixed },
  after: { type: Schema.Types.Mixed },
  ip: { type: String },
});
auditLogSchema.plugin(tenantScopePlugin);
auditLogSchema.index({ tenantId: 1, at: -1 });
auditLogSchema.index({ tenantId: 1, action: 1, at: -1 });

export type AuditLog = InferSchemaType<typeof auditLogSchema>;
export const AuditLogModel = model('AuditLog', auditLogSchema, 'audit_logs');

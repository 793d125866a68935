import { InferSchemaType, Schema, model } from 'mongoose';
import { SYNC_KINDS } from '../contracts/wecom-binding.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

export type SyncKind = (typeof SYNC_KINDS)[number];

/**
 * One run of a sync workflow; `_id` is the workflow id. Manual runs carry `quotaSlot` (1 or 2 within the
 * tenant's day) and their id names the slot, so two clicks at once claim the same id and only one wins:
 * the "2 manual syncs a day" rule holds without a transaction (FerretDB has no partial indexes either).
 */
const syncRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: SYNC_KINDS },
    trigger: { type: String, required: true, enum: ['manual', 'schedule', 'initial'] },
    workflowId: { type: String, required: true },
    status: { type: String, required: true, enum: ['running', 'completed', 'failed'], default: 'running' },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    count: { type: Number, default: 0 },
    /** Why the run failed, or, while it runs, why its last step failed before `retryAt`. */
    error: { type: String },
    /** Set while a step waits to run again after a setback (workflows/sync-setbacks.ts). */
    retryAt: { type: Date },
    setbackAt: { type: Date },
    quotaDay: { type: String },
    quotaSlot: { type: Number },
  },
  { timestamps: true },
);
syncRunSchema.plugin(tenantScopePlugin);
syncRunSchema.index({ tenantId: 1, kind: 1, startedAt: -1 });
syncRunSchema.index({ tenantId: 1, kind: 1, quotaDay: 1 });

export type SyncRun = InferSchemaType<typeof syncRunSchema>;
export const SyncRunModel = model('SyncRun', syncRunSchema, 'sync_runs');

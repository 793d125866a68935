import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A change of a SOP plan its workflow has not been told of yet (lib/sop/sop-plan-hand-off.ts). The api puts the
 * row down BEFORE it writes the plan and removes it (by `_id`, so a concurrent save's row is never taken for
 * its own) once the workflow has the signal. A row whose save failed to hand it over (Temporal unreachable) is
 * marked `failedAt` and handed over by the retry that follows; one left by a killed api is handed over once it is
 * older than a save can take, by the retry that runs at api and worker start. Small by nature.
 */
const sopPlanHandOffSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    markedAt: { type: Date, required: true },
    /** Set when the save's own hand-off failed: the row is the retry's from then on. */
    failedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
sopPlanHandOffSchema.plugin(tenantScopePlugin);

export type SopPlanHandOff = InferSchemaType<typeof sopPlanHandOffSchema>;
export const SopPlanHandOffModel = model('SopPlanHandOff', sopPlanHandOffSchema, 'sop_plan_hand_offs');

import { InferSchemaType, Schema, model } from 'mongoose';
import { SOP_SCOPE_KINDS } from '../contracts/sop.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One SOP计划 (R-8.1/8.2): its audience (执行范围) and its push tasks, and the switch. The plan's workflow
 * `sop-plan/<tenant>/<id>` owns its schedule: it reads this document on every step, so a save followed by the
 * `sopPlanChanged` signal is all an edit needs (workflows/sop-plan.contract.ts).
 */
const sopPlanSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    scopeKind: { type: String, required: true, enum: SOP_SCOPE_KINDS },
    /** lib/contracts/sop.contract.ts `SopScope`, as validated. */
    scope: { type: Schema.Types.Mixed, required: true },
    /** lib/contracts/sop.contract.ts `SopTask[]`, as validated, each with its id. */
    tasks: { type: [Schema.Types.Mixed], default: [] },
    enabled: { type: Boolean, required: true },
    /** 生效时间: the last switch on; null while off. */
    enabledAt: { type: Date, default: null },
    creator: {
      type: new Schema({ staffId: String, userid: String, name: String }, { _id: false }),
      required: true,
    },
    deletedAt: { type: Date, default: null },
  },
  // updatedAt: the list read model's version.
  { versionKey: false, timestamps: true },
);
sopPlanSchema.plugin(tenantScopePlugin);

export type SopPlanDocument = InferSchemaType<typeof sopPlanSchema>;
export const SopPlanModel = model('SopPlan', sopPlanSchema, 'sop_plans');

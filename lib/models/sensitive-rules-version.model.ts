import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * A tenant's sensitive-rule version stamp: raised by every change to its rules, read by each ingest batch
 * so that every worker rebuilds its cached matcher as soon as a rule is added, edited, switched or deleted.
 * `_id` is the tenant id (an _id lookup is index-backed on FerretDB).
 */
const sensitiveRulesVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
sensitiveRulesVersionSchema.plugin(tenantScopePlugin);

export type SensitiveRulesVersion = InferSchemaType<typeof sensitiveRulesVersionSchema>;
export const SensitiveRulesVersionModel = model(
  'SensitiveRulesVersion',
  sensitiveRulesVersionSchema,
  'sensitive_rules_versions',
);

import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * WeCom calls counted per tenant, minute, API path and errcode (0 = ok). `_id` is all four joined, so
 * each process adds its counts with one `$inc` upsert per row and a minute never splits in two.
 * Kept 48 hours; FerretDB has no TTL index, so WeComCallStats prunes older rows itself.
 */
const wecomCallStatSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    minute: { type: Date, required: true },
    path: { type: String, required: true },
    errcode: { type: Number, required: true },
    count: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
wecomCallStatSchema.plugin(tenantScopePlugin);
wecomCallStatSchema.index({ tenantId: 1, minute: -1 });
wecomCallStatSchema.index({ minute: 1 });

export type WeComCallStat = InferSchemaType<typeof wecomCallStatSchema>;
export const WeComCallStatModel = model('WeComCallStat', wecomCallStatSchema, 'wecom_call_stats');

import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * When an org sync last found a member in WeCom. Kept apart from the staff document so that a sync which finds
 * a member unchanged writes nothing there: FerretDB applies any update by writing the whole document back, and a
 * sync rewriting every member each hour could undo an operator's 开启系统 or role change made at that moment.
 */
const staffSightingSchema = new Schema(
  {
    /** `<tenantId>:<userid>`: every sync writes the same row. */
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userid: { type: String, required: true },
    seenAt: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);
staffSightingSchema.plugin(tenantScopePlugin);
// The members a sync saw since it started (the others have left WeCom).
staffSightingSchema.index({ tenantId: 1, seenAt: 1 });

export type StaffSighting = InferSchemaType<typeof staffSightingSchema>;
export const StaffSightingModel = model('StaffSighting', staffSightingSchema, 'staff_sightings');

export const staffSightingId = (tenantId: string, userid: string) => `${tenantId}:${userid}`;

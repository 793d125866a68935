import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One used seat (可使用数量): `_id` is `<tenant>:<n>` with n in 1..seats. Taking a seat inserts its claim,
 * so two people enabling staff at once can never take the same seat nor more seats than the tenant has:
 * the unique `_id` decides, without a transaction (FerretDB has none).
 */
const seatClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    seat: { type: Number, required: true },
    /** The staff document's `_id`, which survives a WeCom userid change. */
    staffId: { type: String, required: true },
  },
  { timestamps: true },
);
seatClaimSchema.plugin(tenantScopePlugin);
seatClaimSchema.index({ tenantId: 1, staffId: 1 });

export type SeatClaim = InferSchemaType<typeof seatClaimSchema>;
export const SeatClaimModel = model('SeatClaim', seatClaimSchema, 'seat_claims');

import { RoleModel } from '../models/role.model';
import { SeatClaimModel } from '../models/seat-claim.model';
import { StaffModel } from '../models/staff.model';
import { isDuplicateKeyError } from '../db/duplicate-key';

export type SeatClaimResult = 'claimed' | 'no-seat-left';

const seatId = (tenantId: string, seat: number) => `${tenantId}:${seat}`;

/**
 * Seats in use, as the banner and the operators see them: staff switched on who are still in WeCom,
 * except the super admin, who uses no seat (I-101).
 */
export async function countSeatsInUse(tenantId: string): Promise<number> {
  const superAdminRole = await RoleModel.findOne({ tenantId, builtIn: 'super_admin' }, { _id: 1 }).lean();
  return StaffModel.countDocuments({
    tenantId,
    systemEnabled: true,
    deletedAt: { $exists: false },
    ...(superAdminRole ? { roleId: { $ne: String(superAdminRole._id) } } : {}),
  });
}

/**
 * Takes the lowest free seat for a staff member who is already marked enabled; everyone switched on but the
 * super admin holds one, so the claims are the seat count. Callers enable first and
 * claim second, so a claim whose holder is not enabled is left over (the holder was switched off or left
 * WeCom): it counts as free and is cleared on the way, and nothing else has to release seats.
 */
export async function claimSeat(tenantId: string, seats: number, staffId: string): Promise<SeatClaimResult> {
  for (let attempt = 0; attempt < seats + 3; attempt += 1) {
    const claims = await SeatClaimModel.find({ tenantId }, { seat: 1, staffId: 1 }).lean();
    if (claims.some((claim) => claim.staffId === staffId)) return 'claimed';
    const holders = await StaffModel.find(
      { tenantId, _id: { $in: claims.map((claim) => claim.staffId) }, systemEnabled: true },
      { _id: 1 },
    ).lean();
    const enabled = new Set(holders.map((holder) => String(holder._id)));
    const stale = claims.filter((claim) => !enabled.has(claim.staffId));
    if (stale.length > 0)
      await SeatClaimModel.deleteMany({ tenantId, _id: { $in: stale.map((c) => c._id) } });

    const taken = new Set(claims.filter((claim) => enabled.has(claim.staffId)).map((claim) => claim.seat));
    const free = Array.from({ length: seats }, (_, i) => i + 1).find((seat) => !taken.has(seat));
    if (free === undefined) return 'no-seat-left';
    try {
      await SeatClaimModel.create({ _id: seatId(tenantId, free), tenantId, seat: free, staffId });
      return 'claimed';
    } catch (error) {
      // Someone took that seat a moment ago: look again.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return 'no-seat-left';
}

/**
 * After the seat count goes down, moves claims numbered above it into free numbers below it, so that the
 * unique ids keep bounding the seats in use. Callers have checked that enough seats remain.
 */
export async function renumberSeatsAbove(tenantId: string, seats: number): Promise<void> {
  const high = await SeatClaimModel.find({ tenantId, seat: { $gt: seats } }).lean();
  for (const claim of high) {
    const holder = await StaffModel.exists({ tenantId, _id: claim.staffId, systemEnabled: true });
    if (holder) {
      for (let seat = 1; seat <= seats; seat += 1) {
        try {
          await SeatClaimModel.create({
            _id: seatId(tenantId, seat),
            tenantId,
            seat,
            staffId: claim.staffId,
          });
          break;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
      }
    }
    await SeatClaimModel.deleteOne({ tenantId, _id: claim._id });
  }
}

export async function releaseSeat(tenantId: string, staffId: string): Promise<void> {
  await SeatClaimModel.deleteMany({ tenantId, staffId });
}

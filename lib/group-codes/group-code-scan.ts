import mongoose from 'mongoose';
import type { GroupCodeStrategy } from '../contracts/group-code.contract';
import { GroupCodeGroupModel } from '../models/group-code-group.model';
import { GroupCodeScanModel, seatId } from '../models/group-code-scan.model';
import { GroupCodeTurnModel } from '../models/group-code-turn.model';
import { GroupCodeModel } from '../models/group-code.model';
import { claimOrder, type StoreFacts, type VisitorPosition } from './allocation-order';
import { nearFullThreshold } from './group-states';
import { SeatReservations } from './seat-reservations';
import { DUPLICATE_KEY } from '../db/duplicate-key';

export interface ClaimedGroup {
  id: string;
  name: string;
  /** Places left after this scan. */
  remaining: number;
}

export interface ScanOutcome {
  code: { id: string; name: string; guide: string; strategy: GroupCodeStrategy };
  group: ClaimedGroup | undefined;
  /** The scan filled its group or left it nearly full, or found nothing while the code said 正常. */
  needsReview: boolean;
}

const HINT_EVERY = 10;

/**
 * One scan of a 群活码 (the hot path). The groups usable now (not past 24:00 of their 有效期, seats left by the
 * hint) are tried in the strategy's order; a group is claimed by inserting the seat ticket `<groupId>:<seat>`
 * for the first seat the hint suggests, walking on while the unique `_id` says a concurrent scan holds it.
 * Seats run from 0 to 扫码限制次数 − 1, so no number of concurrent scans can pass a limit, and an expired group
 * is never offered. A scan that finds nothing still leaves a ticket, for the code's 扫码次数 (I-14).
 * Answers undefined for a code that does not exist (or not in this tenant, or deleted).
 */
export async function scanGroupCode(
  tenantId: string,
  codeId: string,
  position: VisitorPosition | undefined,
  now = new Date(),
): Promise<ScanOutcome | undefined> {
  const live = { tenantId, _id: codeId, deletedAt: { $exists: false } };
  // The code and its groups are read side by side: one round trip of latency on the hot path.
  const [stored, rows] = await Promise.all([
    GroupCodeModel.findOne(live).lean(),
    GroupCodeGroupModel.find(
      { tenantId, codeId, expiresAt: { $gt: now } },
      { position: 1, expiresAt: 1, scanLimit: 1, seatHint: 1, store: 1, name: 1 },
    ).lean(),
  ]);
  const code = stored;
  if (!code) return undefined;
  // Only 轮流 needs a turn, and only it pays for a write (to the code's own counter).
  const turn =
    code.strategy === 'round-robin'
      ? (await GroupCodeTurnModel.findOneAndUpdate(
          { tenantId, _id: codeId },
          { $inc: { turns: 1 } },
          { upsert: true, new: true },
        ).lean())!.turns - 1
      : 0;
  const strategy = code.strategy as GroupCodeStrategy;
  const view = { id: String(code._id), name: code.name, guide: code.guide ?? '', strategy };

  const open = rows.filter((row) => row.seatHint < row.scanLimit);
  const byId = new Map(open.map((row) => [String(row._id), row]));
  const candidates = claimOrder(
    strategy,
    open.map((row): StoreFacts => ({
      id: String(row._id),
      position: row.position,
      expiresAt: row.expiresAt,
      scanLimit: row.scanLimit,
      remaining: row.scanLimit - row.seatHint,
      store: row.store ?? null,
    })),
    turn,
    position,
  );
  for (const candidate of candidates) {
    const row = byId.get(candidate.id)!;
    const seat = await claimSeat(tenantId, codeId, candidate.id, row.seatHint, row.scanLimit, now);
    if (seat === undefined) continue;
    const remaining = row.scanLimit - seat - 1;
    return {
      code: view,
      group: { id: candidate.id, name: row.name, remaining },
      // Seats are taken one by one, so each of these two moments happens once per group.
      needsReview: remaining === 0 || remaining === nearFullThreshold(row.scanLimit),
    };
  }
  await GroupCodeScanModel.create({
    _id: `${codeId}:${new mongoose.Types.ObjectId().toHexString()}`,
    tenantId,
    codeId,
    at: now,
  });
  return { code: view, group: undefined, needsReview: code.status === 'normal' };
}

const seats = new SeatReservations();

/**
 * The first free seat this scan can get, or undefined when every seat is taken (the hint then says so). The
 * ticket insert decides; the hint is raised afterwards, as it is only a hint.
 */
async function claimSeat(
  tenantId: string,
  codeId: string,
  groupId: string,
  hint: number,
  scanLimit: number,
  now: Date,
): Promise<number | undefined> {
  let seat: number | undefined;
  for (
    let candidate = seats.take(groupId, hint);
    candidate < scanLimit;
    candidate = seats.take(groupId, hint)
  ) {
    try {
      await GroupCodeScanModel.create({
        _id: seatId(groupId, candidate),
        tenantId,
        codeId,
        groupId,
        at: now,
      });
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) continue;
      seats.giveBack(groupId, candidate);
      throw error;
    }
    seat = candidate;
    break;
  }
  // A write per scan would double the hot path's writes: the hint moves every few seats and when the group is
  // full, so a restarted or second process retries at most that many taken seats.
  const next = seat === undefined ? scanLimit : seat + 1;
  if (next === scanLimit || next % HINT_EVERY === 0) {
    await GroupCodeGroupModel.updateOne({ tenantId, codeId, _id: groupId }, { $max: { seatHint: next } });
  }
  return seat;
}

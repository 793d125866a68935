import type { GroupCodeStrategy } from '../contracts/group-code.contract';
import { GroupCodeGroupModel } from '../models/group-code-group.model';
import { GroupCodeModel } from '../models/group-code.model';
import { claimOrder, type StoreFacts, type VisitorPosition } from './allocation-order';
import { nearFullThreshold } from './group-states';

export interface ClaimedGroup {
  id: string;
  name: string;
  qrFileId: string;
  remaining: number;
  scanLimit: number;
}

export interface ScanOutcome {
  code: { id: string; name: string; guide: string; strategy: GroupCodeStrategy };
  group: ClaimedGroup | undefined;
  /** The scan filled its group or left it nearly full: status and alerts need a fresh look. */
  needsReview: boolean;
}

/**
 * One scan of a 群活码 (the hot path): counts it, then claims a place in a group with one conditional
 * `findOneAndUpdate` per candidate (places left and not expired, checked and taken in the same atomic
 * update), trying the strategy's order until one claim succeeds. Nothing reads-then-writes a counter, so
 * any number of concurrent scans never push a group past its 扫码限制次数 nor hand out an expired group.
 * Answers undefined for a code that does not exist (or not in this tenant, or deleted).
 */
export async function scanGroupCode(
  tenantId: string,
  codeId: string,
  position: VisitorPosition | undefined,
  now = new Date(),
): Promise<ScanOutcome | undefined> {
  const code = await GroupCodeModel.findOneAndUpdate(
    { tenantId, _id: codeId, deletedAt: { $exists: false } },
    { $inc: { scanCount: 1, turns: 1 } },
    { new: true, projection: { name: 1, guide: 1, strategy: 1, turns: 1, status: 1 } },
  ).lean();
  if (!code) return undefined;
  const strategy = code.strategy as GroupCodeStrategy;
  const view = { id: String(code._id), name: code.name, guide: code.guide ?? '', strategy };

  const usable = await GroupCodeGroupModel.find(
    { tenantId, codeId, remaining: { $gt: 0 }, expiresAt: { $gt: now } },
    { position: 1, expiresAt: 1, scanLimit: 1, remaining: 1, store: 1 },
  ).lean();
  const candidates = claimOrder(
    strategy,
    usable.map((row): StoreFacts => ({
      id: String(row._id),
      position: row.position,
      expiresAt: row.expiresAt,
      scanLimit: row.scanLimit,
      remaining: row.remaining,
      store: row.store ?? null,
    })),
    code.turns - 1,
    position,
  );
  for (const candidate of candidates) {
    const claimed = await GroupCodeGroupModel.findOneAndUpdate(
      { tenantId, codeId, _id: candidate.id, remaining: { $gt: 0 }, expiresAt: { $gt: now } },
      { $inc: { remaining: -1, scanCount: 1 } },
      { new: true, projection: { name: 1, qrFileId: 1, remaining: 1, scanLimit: 1 } },
    ).lean();
    if (!claimed) continue;
    const group = {
      id: String(claimed._id),
      name: claimed.name,
      qrFileId: claimed.qrFileId,
      remaining: claimed.remaining,
      scanLimit: claimed.scanLimit,
    };
    const nearFull = group.remaining <= nearFullThreshold(group.scanLimit);
    return { code: view, group, needsReview: nearFull };
  }
  // Nothing left while the status still says 正常 (the last place went to a concurrent scan, or a group
  // expired a moment ago): it is looked at again.
  return { code: view, group: undefined, needsReview: code.status === 'normal' };
}

import type { GroupCodeStatus } from '../contracts/group-code.contract';
import { GroupCodeGroupModel } from '../models/group-code-group.model';
import { GroupCodeModel } from '../models/group-code.model';
import { codeStatus, type GroupFacts } from './group-states';
import { scanCountsBy } from './scan-counts';

export type CountedGroup = GroupFacts & { name: string; scanCount: number };

/** The groups of a code as the rules see them, in 溢出 order, with their exact scan counts. */
export async function groupFactsOf(tenantId: string, codeId: string): Promise<CountedGroup[]> {
  const rows = await GroupCodeGroupModel.find(
    { tenantId, codeId },
    { position: 1, expiresAt: 1, scanLimit: 1, name: 1 },
  )
    .sort({ position: 1 })
    .lean();
  const counts = await scanCountsBy(
    tenantId,
    'groupId',
    rows.map((row) => String(row._id)),
  );
  return rows.map((row) => {
    const scanCount = counts.get(String(row._id)) ?? 0;
    return {
      id: String(row._id),
      position: row.position,
      expiresAt: row.expiresAt,
      scanLimit: row.scanLimit,
      remaining: row.scanLimit - scanCount,
      scanCount,
      name: row.name,
    };
  });
}

/**
 * Recomputes 活码状态 from the groups as they are now and stores it (with the group count). Called after every
 * edit, by a scan that filled a group, and by the rotation workflow at each expiry; each call reads the groups
 * and their tickets afresh, so the last call always leaves the right status whatever order they ran in.
 */
export async function recomputeGroupCodeStatus(
  tenantId: string,
  codeId: string,
  now = new Date(),
): Promise<{ status: GroupCodeStatus; groups: CountedGroup[] } | undefined> {
  const groups = await groupFactsOf(tenantId, codeId);
  const status = codeStatus(groups, now);
  const updated = await GroupCodeModel.updateOne(
    { tenantId, _id: codeId, deletedAt: { $exists: false } },
    { $set: { status, groupCount: groups.length } },
  );
  return updated.matchedCount > 0 ? { status, groups } : undefined;
}

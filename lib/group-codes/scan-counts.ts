import { GroupCodeScanModel } from '../models/group-code-scan.model';

/** Exact 扫码次数 by code or by group (R-2.1.1-05, R-2.1.3-08): scan tickets counted with one $group. */
export async function scanCountsBy(
  tenantId: string,
  field: 'codeId' | 'groupId',
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await GroupCodeScanModel.aggregate<{ _id: string; count: number }>([
    { $match: { tenantId, [field]: { $in: ids } } },
    { $group: { _id: `$${field}`, count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [row._id, row.count]));
}

import type { WriteBackListQuery } from '../../../lib/contracts/org-edit.contract';
import { OrgChangeModel } from '../../../lib/models/org-change.model';
import type { Caller } from '../../auth/caller';

/** The tenant's write-backs, newest first: what is still on its way to WeCom, and what WeCom refused. */
export async function listWriteBacks({ tenantId }: Caller, query: WriteBackListQuery) {
  const filter = { tenantId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    OrgChangeModel.find(filter)
      .sort({ seq: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    OrgChangeModel.countDocuments(filter),
  ]);
  return {
    items: rows.map((row) => ({
      id: String(row._id),
      kind: row.kind,
      op: row.op,
      targetId: row.targetId,
      targetName: row.targetName,
      status: row.status,
      attempts: row.attempts,
      errcode: row.errcode ?? undefined,
      message: row.message ?? undefined,
      createdAt: row.createdAt.toISOString(),
      appliedAt: row.appliedAt?.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

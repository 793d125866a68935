import type { AuditListQuery } from '../../../lib/contracts/audit.contract';
import { AuditLogModel } from '../../../lib/models/audit-log.model';
import type { Caller } from '../../auth/caller';
import { unmappedIp } from '../../http/client-ip';

/** The tenant's audit log, newest first, one page at a time (optionally one action only). */
export async function listAuditLogs({ tenantId }: Caller, query: AuditListQuery) {
  const filter = { tenantId, ...(query.action ? { action: query.action } : {}) };
  const [rows, total] = await Promise.all([
    AuditLogModel.find(filter)
      .sort({ at: -1, _id: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    AuditLogModel.countDocuments(filter),
  ]);
  return {
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      action: row.action,
      actor: { staffId: row.actor?.staffId ?? '', name: row.actor?.name ?? '' },
      target: row.target?.id
        ? { type: row.target.type ?? '', id: row.target.id, name: row.target.name ?? '' }
        : null,
      before: row.before,
      after: row.after,
      // Rows written before recordAudit unmapped the address still hold `::ffff:…`.
      ip: row.ip ? unmappedIp(row.ip) : undefined,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

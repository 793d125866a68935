import { AuditLogModel, type AuditAction } from '../../../lib/models/audit-log.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { unmappedIp } from '../../http/client-ip';

export interface AuditEntry {
  tenantId: string;
  actorStaffId: string;
  action: AuditAction;
  target?: { type: string; id: string; name: string };
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/** Adds one audit row; the actor's name is stored with it so the log still reads well after they leave. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const actor = await StaffModel.findOne(
    { tenantId: entry.tenantId, _id: entry.actorStaffId },
    { name: 1 },
  ).lean();
  await AuditLogModel.create({
    tenantId: entry.tenantId,
    at: new Date(),
    action: entry.action,
    actor: { staffId: entry.actorStaffId, name: actor?.name ?? '' },
    target: entry.target,
    before: entry.before,
    after: entry.after,
    ip: entry.ip && unmappedIp(entry.ip),
  });
}

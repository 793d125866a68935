import { AuditLogModel, type AuditAction } from '../../../lib/models/audit-log.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { unmappedIp } from '../../http/client-ip';

/** Whose change it is: a request's caller, or the platform acting for a tenant. */
export type AuditActor = Pick<Caller, 'tenantId' | 'staffId' | 'ip'>;

export interface AuditChange {
  action: AuditAction;
  target?: { type: string; id: string; name: string };
  before?: unknown;
  after?: unknown;
}

/**
 * Adds one audit row, recorded by the use case that made the change; the actor's name is stored with it
 * so the log still reads well after they leave.
 */
export async function recordAudit(who: AuditActor, what: AuditChange): Promise<void> {
  const staff = await StaffModel.findOne({ tenantId: who.tenantId, _id: who.staffId }, { name: 1 }).lean();
  await AuditLogModel.create({
    tenantId: who.tenantId,
    at: new Date(),
    action: what.action,
    actor: { staffId: who.staffId, name: staff?.name ?? '' },
    target: what.target,
    before: what.before,
    after: what.after,
    ip: who.ip && unmappedIp(who.ip),
  });
}

import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { claimSeat, releaseSeat } from '../../../lib/org/seats';
import type { Caller } from '../../auth/caller';
import { AppError, badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { seatsOf } from './org-overview.use-case';
import { assertStaffInScope } from './staff-in-scope';

/**
 * 开启系统 / 关闭系统: switching a staff member on takes one of the tenant's seats,
 * switching off frees it and ends that person's sessions at once (I-13). Answers the seats after the change.
 */
export async function setSystemAccess(caller: Caller, input: { userid: string; enabled: boolean }) {
  await assertStaffInScope(caller, input.userid);
  const change = await switchSystemAccess(caller, input);
  await recordAudit(caller, {
    action: input.enabled ? 'system-access.enable' : 'system-access.disable',
    target: { type: 'staff', id: input.userid, name: change.name },
    before: { systemEnabled: change.before },
    after: { systemEnabled: input.enabled },
  });
  return seatsOf(caller);
}

async function switchSystemAccess(
  caller: Caller,
  { userid, enabled }: { userid: string; enabled: boolean },
): Promise<{ name: string; before: boolean }> {
  const { tenantId } = caller;
  const staff = await StaffModel.findOne({ tenantId, userid, deletedAt: { $exists: false } }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  const staffId = String(staff._id);
  // The super admin is always in and uses no seat (I-101).
  const role = staff.roleId
    ? await RoleModel.findOne({ tenantId, _id: staff.roleId }, { builtIn: 1 }).lean()
    : null;
  const isSuperAdmin = role?.builtIn === 'super_admin';

  if (!enabled) {
    if (staffId === caller.staffId) throw badRequest('不能关闭自己的系统权限', 'CANNOT_DISABLE_SELF');
    if (isSuperAdmin) throw badRequest('不能关闭超级管理员的系统权限', 'CANNOT_DISABLE_SUPER_ADMIN');
    await StaffModel.updateOne(
      { tenantId, _id: staff._id, systemEnabled: true },
      { $set: { systemEnabled: false }, $inc: { sessionVersion: 1 } },
    );
    await releaseSeat(tenantId, staffId);
    return { name: staff.name, before: staff.systemEnabled };
  }

  if (isSuperAdmin) return { name: staff.name, before: staff.systemEnabled };
  const tenant = await TenantModel.findById(tenantId).lean();
  if (!tenant) throw notFound();
  // Enabled first, seat second: see claimSeat for why this order keeps the seat count exact.
  await StaffModel.updateOne({ tenantId, _id: staff._id }, { $set: { systemEnabled: true } });
  if ((await claimSeat(tenantId, tenant.seats, staffId)) === 'no-seat-left') {
    if (!staff.systemEnabled)
      await StaffModel.updateOne({ tenantId, _id: staff._id }, { $set: { systemEnabled: false } });
    throw new AppError(409, 'NO_SEAT_LEFT', '可使用数量已用完，请联系商务');
  }
  await confirmSwitchedOn(tenantId, staff._id);
  return { name: staff.name, before: staff.systemEnabled };
}

const CONFIRM_ROUNDS = 3;

/**
 * FerretDB applies an update by writing the whole document back, so a sync writing another field of this
 * member at the same moment can put `systemEnabled: false` back after ours landed, leaving a seat claimed by
 * someone who is off. The seat claim is taken by then, so the flag is read back and set again until it holds.
 */
async function confirmSwitchedOn(tenantId: string, staffId: unknown): Promise<void> {
  for (let round = 0; round < CONFIRM_ROUNDS; round += 1) {
    if (await StaffModel.exists({ tenantId, _id: staffId, systemEnabled: true })) return;
    await StaffModel.updateOne({ tenantId, _id: staffId }, { $set: { systemEnabled: true } });
  }
}

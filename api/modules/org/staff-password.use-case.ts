import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { forbidden, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../../../lib/auth/password-hash';
import { assertStaffInScope } from './staff-in-scope';

/**
 * An admin sets a staff member's password (I-10: "a super admin can reset a staff password"). The
 * person's other sessions end at once, as after 关闭系统. Only the super admin may set their own.
 */
export async function resetStaffPassword(
  caller: Caller,
  { userid, password }: { userid: string; password: string },
): Promise<void> {
  const { tenantId } = caller;
  await assertStaffInScope(caller, userid);
  const staff = await StaffModel.findOne({ tenantId, userid, deletedAt: { $exists: false } }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  if (!caller.isSuperAdmin && staff.roleId) {
    const role = await RoleModel.findOne({ tenantId, _id: staff.roleId }, { builtIn: 1 }).lean();
    if (role?.builtIn === 'super_admin') {
      throw forbidden('只有超级管理员本人可以修改超级管理员的密码', 'SUPER_ADMIN_PASSWORD');
    }
  }
  const isSelf = String(staff._id) === caller.staffId;
  await StaffModel.updateOne(
    { tenantId, _id: staff._id },
    {
      $set: { passwordHash: await hashPassword(password) },
      // Someone else's password: their open sessions end; one's own: the current session goes on.
      ...(isSelf ? {} : { $inc: { sessionVersion: 1 } }),
    },
  );
  await recordAudit(caller, {
    action: 'staff.password-reset',
    target: { type: 'staff', id: userid, name: staff.name },
    // Never the password or its hash: only whether one was set.
    before: { passwordSet: Boolean(staff.passwordHash) },
    after: { passwordSet: true },
  });
}

import type { CallerAccess } from '../../../lib/access/caller-access';
import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Session } from '../../auth/session';
import { forbidden, notFound } from '../../http/app-error';
import { hashPassword } from '../auth/login.use-case';

/**
 * An admin sets a staff member's password (I-10: "a super admin can reset a staff password"). The
 * person's other sessions end at once, as after 关闭系统. Only the super admin may set their own.
 */
export async function resetStaffPassword(
  session: Session,
  access: CallerAccess,
  userid: string,
  password: string,
): Promise<{ name: string; hadPassword: boolean }> {
  const { tenantId } = session;
  const staff = await StaffModel.findOne({ tenantId, userid, deletedAt: { $exists: false } }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  if (!access.isSuperAdmin && staff.roleId) {
    const role = await RoleModel.findOne({ tenantId, _id: staff.roleId }, { builtIn: 1 }).lean();
    if (role?.builtIn === 'super_admin') {
      throw forbidden('只有超级管理员本人可以修改超级管理员的密码', 'SUPER_ADMIN_PASSWORD');
    }
  }
  const isSelf = String(staff._id) === session.staffId;
  await StaffModel.updateOne(
    { tenantId, _id: staff._id },
    {
      $set: { passwordHash: await hashPassword(password) },
      // Someone else's password: their open sessions end; one's own: the current session goes on.
      ...(isSelf ? {} : { $inc: { sessionVersion: 1 } }),
    },
  );
  return { name: staff.name, hadPassword: Boolean(staff.passwordHash) };
}

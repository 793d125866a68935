import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { assertWithinOwnPermissions } from '../roles/roles.use-case';
import { assertStaffInScope } from './staff-in-scope';

/**
 * 设置角色: gives a staff member another role (each has exactly one, I-100). The 超级管理员 role belongs to the
 * tenant's super admin alone: it is neither given to anyone else nor taken from them, so there is always
 * exactly one person who can do everything and who uses no seat (I-101). Nobody changes their own role,
 * and nobody but the super admin gives a role with permissions they lack themselves.
 */
export async function assignStaffRole(
  caller: Caller,
  input: { userid: string; roleId: string },
): Promise<void> {
  await assertStaffInScope(caller, input.userid);
  const change = await changeStaffRole(caller, input);
  await recordAudit(caller, {
    action: 'staff.role',
    target: { type: 'staff', id: input.userid, name: change.name },
    before: change.before,
    after: change.after,
  });
}

/** The role change itself, by 设置角色's rules; 编辑员工 uses it too and records the change in its own audit row. */
export async function changeStaffRole(
  caller: Caller,
  { userid, roleId }: { userid: string; roleId: string },
) {
  const { tenantId } = caller;
  if (userid === caller.userid) throw badRequest('不能修改自己的角色', 'CANNOT_CHANGE_OWN_ROLE');
  const [staff, role] = await Promise.all([
    StaffModel.findOne({ tenantId, userid, deletedAt: { $exists: false } }).lean(),
    RoleModel.findOne({ tenantId, _id: roleId }).lean(),
  ]);
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  if (!role) throw notFound('角色不存在', 'ROLE_NOT_FOUND');
  if (role.builtIn === 'super_admin') throw badRequest('超级管理员角色不可分配', 'SUPER_ADMIN_ROLE_FIXED');
  assertWithinOwnPermissions(caller, role.functionPermissions, '不能分配超出自己权限的角色');
  const previous = staff.roleId ? await RoleModel.findOne({ tenantId, _id: staff.roleId }).lean() : null;
  if (previous?.builtIn === 'super_admin') {
    throw badRequest('不能修改超级管理员的角色', 'SUPER_ADMIN_ROLE_FIXED');
  }
  await StaffModel.updateOne({ tenantId, _id: staff._id }, { $set: { roleId } });
  return {
    name: staff.name,
    before: { roleId: staff.roleId ?? null, roleName: previous?.name ?? null },
    after: { roleId, roleName: role.name },
  };
}

import type { DataScope } from '../models/role.model';
import { RoleModel } from '../models/role.model';
import { ALL_PERMISSION_KEYS } from './permission-catalogue';

/** What the logged-in staff member may do (功能权限) and see (数据权限), from their role as it is now. */
export interface CallerAccess {
  userid: string;
  departmentIds: number[];
  roleId: string;
  roleName: string;
  isSuperAdmin: boolean;
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
  customDepartmentIds: number[];
  customUserids: string[];
}

/**
 * Reads the caller's role fresh on every request (one indexed read), so that editing a role or giving
 * someone another one takes effect at once. A staff member without a role (or whose role vanished)
 * has the built-in 员工 role (I-100); with no role at all they may do nothing.
 */
export async function loadCallerAccess(
  tenantId: string,
  staff: { userid: string; departmentIds: number[]; roleId?: string | null },
): Promise<CallerAccess> {
  const role =
    (staff.roleId ? await RoleModel.findOne({ tenantId, _id: staff.roleId }).lean() : null) ??
    (await RoleModel.findOne({ tenantId, builtIn: 'staff' }).lean());
  const isSuperAdmin = role?.builtIn === 'super_admin';
  return {
    userid: staff.userid,
    departmentIds: staff.departmentIds,
    roleId: role ? String(role._id) : '',
    roleName: role?.name ?? '',
    isSuperAdmin,
    // The super admin always has everything, including permissions added after the role was stored.
    permissions: new Set(isSuperAdmin ? ALL_PERMISSION_KEYS : (role?.functionPermissions ?? [])),
    dataScope: isSuperAdmin ? 'all' : (role?.dataScope ?? 'self'),
    customDepartmentIds: role?.customDepartmentIds ?? [],
    customUserids: role?.customUserids ?? [],
  };
}

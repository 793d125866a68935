import { RoleModel } from '../models/role.model';
import { StaffModel } from '../models/staff.model';

/** 创建人 (R-2.2.1-07, R-0-03): the staff member's name, or "管理员" for the tenant's super admin. */
export async function creatorNameOf(tenantId: string, staffId: string): Promise<string> {
  const [staff, superAdminRole] = await Promise.all([
    StaffModel.findOne({ tenantId, _id: staffId }, { name: 1, roleId: 1 }).lean(),
    RoleModel.findOne({ tenantId, builtIn: 'super_admin' }, { _id: 1 }).lean(),
  ]);
  if (!staff || (superAdminRole && staff.roleId === String(superAdminRole._id))) return '管理员';
  return staff.name;
}

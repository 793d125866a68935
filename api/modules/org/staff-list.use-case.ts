import { staffScopeFilter } from '../../../lib/access/data-scope';
import type { StaffListQuery, StaffView } from '../../../lib/contracts/org.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { departmentSubtrees } from '../../../lib/org/department-subtree';
import { escapeRegExp } from '../../../lib/text/escape-reg-exp';
import type { Caller } from '../../auth/caller';

/**
 * R-7.1.2-03 and I-98: fuzzy name/phone search, and a department means it and everything under it.
 * Only the staff inside the caller's 数据权限 are listed (R-0-15).
 */
export async function listStaff(caller: Caller, query: StaffListQuery) {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const departments = await DepartmentModel.find({ tenantId }, { deptId: 1, name: 1, parentId: 1 }).lean();
  const filter: Record<string, unknown> = {
    tenantId,
    deletedAt: { $exists: false },
    ...staffScopeFilter(scope, 'userid'),
  };
  if (query.departmentId !== undefined) {
    filter.departmentIds = { $in: departmentSubtrees(departments, [query.departmentId]) };
  }
  if (query.roleId) filter.roleId = query.roleId;
  // Staff the consent sync never marked have no field at all.
  if (query.archiveEnabled) filter.archiveEnabled = query.archiveEnabled === 'true' ? true : { $ne: true };
  if (query.keyword) {
    const pattern = new RegExp(escapeRegExp(query.keyword), 'i');
    filter.$or = [{ name: pattern }, { mobile: pattern }];
  }
  const [rows, total] = await Promise.all([
    StaffModel.find(filter)
      .sort({ name: 1, userid: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    StaffModel.countDocuments(filter),
  ]);
  const nameOf = new Map(departments.map((d) => [d.deptId, d.name]));
  const roleIds = [...new Set(rows.map((staff) => staff.roleId).filter((id): id is string => Boolean(id)))];
  const roles = roleIds.length
    ? await RoleModel.find({ tenantId, _id: { $in: roleIds } }, { name: 1 }).lean()
    : [];
  const roleNameOf = new Map(roles.map((role) => [String(role._id), role.name]));
  const items: StaffView[] = rows.map((staff) => ({
    userid: staff.userid,
    name: staff.name,
    avatar: staff.avatar,
    mobile: staff.mobile,
    email: staff.email,
    position: staff.position,
    departments: staff.departmentIds
      .filter((id) => nameOf.has(id))
      .map((id) => ({ id, name: nameOf.get(id) as string })),
    systemEnabled: staff.systemEnabled,
    archiveEnabled: staff.archiveEnabled,
    role:
      staff.roleId && roleNameOf.has(staff.roleId)
        ? { id: staff.roleId, name: roleNameOf.get(staff.roleId) as string }
        : null,
    ...(staff.writeBack ? { writeBack: writeBackView(staff.writeBack) } : {}),
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The pending/failed write-back mark as the admin shows it on a row or a tree node. */
export function writeBackView(writeBack: { status: string; op: string; message?: string | null }) {
  return {
    status: writeBack.status as 'pending' | 'failed',
    op: writeBack.op as 'create' | 'update' | 'delete',
    ...(writeBack.message ? { message: writeBack.message } : {}),
  };
}

import { DepartmentModel } from '../models/department.model';
import { StaffModel } from '../models/staff.model';
import { departmentSubtrees } from '../org/department-subtree';

/**
 * The staff a 员工活码 reaches: the chosen members plus every current member of the chosen departments and
 * their sub-departments (R-0-11), each once, in the order chosen. This is what the 100-member rule counts
 * (R-2.2.2-06), as WeCom counts a multi-member way's departments.
 */
export async function expandCodeMembers(
  tenantId: string,
  userids: readonly string[],
  departmentIds: readonly number[],
): Promise<{ members: string[]; unknownUserids: string[]; unknownDepartmentIds: number[] }> {
  const known = await StaffModel.find(
    { tenantId, userid: { $in: [...userids] }, deletedAt: { $exists: false } },
    { userid: 1 },
  ).lean();
  const knownIds = new Set(known.map((staff) => staff.userid));
  const members = new Set(userids.filter((userid) => knownIds.has(userid)));
  let unknownDepartmentIds: number[] = [];
  if (departmentIds.length > 0) {
    const departments = await DepartmentModel.find({ tenantId }, { deptId: 1, parentId: 1 }).lean();
    const existing = new Set(departments.map((department) => department.deptId));
    unknownDepartmentIds = departmentIds.filter((id) => !existing.has(id));
    const scope = departmentSubtrees(
      departments,
      departmentIds.filter((id) => existing.has(id)),
    );
    const inDepartments = await StaffModel.find(
      { tenantId, departmentIds: { $in: scope }, deletedAt: { $exists: false } },
      { userid: 1 },
    )
      .sort({ name: 1 })
      .lean();
    for (const staff of inDepartments) members.add(staff.userid);
  }
  return {
    members: [...members],
    unknownUserids: userids.filter((userid) => !knownIds.has(userid)),
    unknownDepartmentIds,
  };
}

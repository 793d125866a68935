import { findMatchingAny } from '../db/find-matching-any';
import type { DataScope } from '../models/role.model';
import { DepartmentModel } from '../models/department.model';
import { StaffModel } from '../models/staff.model';
import { departmentSubtrees, type DepartmentLink } from '../org/department-subtree';

/**
 * 数据权限 (R-7.2.2-03/04, I-104): a role decides whose data its holders see, always through staff.
 * Every later feature scopes its rows by the staff they belong to, with `staffScopeFilter`:
 *   - customers: visible when at least one 添加人 is in scope → staffScopeFilter(scope, 'adders.userid')
 *   - customer groups: by 群主 → staffScopeFilter(scope, 'ownerUserid')
 *   - chat archive, sensitive behaviour, statistics: by the staff member → staffScopeFilter(scope, 'userid')
 * Resolve the scope once per request (`resolveStaffScope`) and add the filter to the list, count and
 * export queries alike, so that totals and exports never show more than the list.
 */

export interface ScopedRole {
  dataScope: DataScope;
  customDepartmentIds: readonly number[];
  customUserids: readonly string[];
}

export interface ScopedCaller {
  userid: string;
  departmentIds: readonly number[];
}

/** Whom a role lets its holder see, before looking the staff up: everyone, or departments and people. */
export type StaffScopeRule = { all: true } | { all: false; departmentIds: number[]; userids: string[] };

/**
 * The pure part of the data permission. 只看本人 = the caller; 本部门及以下 = the caller's departments
 * and all their sub-departments; 自定义 = the chosen departments (with their sub-departments) and the
 * chosen staff. The caller always sees their own data, whatever the role says.
 */
export function staffScopeRule(
  role: ScopedRole,
  caller: ScopedCaller,
  departments: readonly DepartmentLink[],
): StaffScopeRule {
  switch (role.dataScope) {
    case 'all':
      return { all: true };
    case 'self':
      return { all: false, departmentIds: [], userids: [caller.userid] };
    case 'department':
      return {
        all: false,
        departmentIds: departmentSubtrees(departments, caller.departmentIds),
        userids: [caller.userid],
      };
    case 'custom':
      return {
        all: false,
        departmentIds: departmentSubtrees(departments, role.customDepartmentIds),
        userids: [...new Set([caller.userid, ...role.customUserids])],
      };
  }
}

/** The staff (by userid) whose data the caller may see; `all` needs no list. */
export type StaffScope = { all: true } | { all: false; userids: string[] };

/**
 * Up to this many departments in scope, their staff are read department by department (findMatchingAny): an
 * equality on `departmentIds`, which FerretDB answers from its GIN index in a few ms. Beyond it one read of the
 * tenant's staff is cheaper than that many round trips (FerretDB builds every staff document it returns at
 * about 0.15 ms each, and a `$in` would read them all too, only to filter them itself).
 */
const DEPARTMENT_READS_UP_TO = 20;

/**
 * Turns the rule into the userids it covers: one read of the department links, then the staff in those
 * departments. Staff who have left WeCom stay in scope, so their history stays visible.
 */
export async function resolveStaffScope(
  tenantId: string,
  role: ScopedRole,
  caller: ScopedCaller,
): Promise<StaffScope> {
  if (role.dataScope === 'all') return { all: true };
  const departments =
    role.dataScope === 'self'
      ? []
      : await DepartmentModel.find({ tenantId }, { deptId: 1, parentId: 1 }).lean();
  const rule = staffScopeRule(role, caller, departments);
  if (rule.all) return rule;
  const inDepartments = await staffOfDepartments(tenantId, rule.departmentIds);
  return { all: false, userids: [...new Set([...rule.userids, ...inDepartments])] };
}

async function staffOfDepartments(tenantId: string, departmentIds: readonly number[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  if (departmentIds.length <= DEPARTMENT_READS_UP_TO) {
    const staff = await findMatchingAny<{ userid: string }>(
      StaffModel,
      departmentIds.map((deptId) => ({ tenantId, departmentIds: deptId })),
      { userid: 1 },
    );
    return staff.map((member) => member.userid);
  }
  const wanted = new Set(departmentIds);
  const staff = await StaffModel.find({ tenantId }, { userid: 1, departmentIds: 1 }).lean();
  return staff.filter((member) => member.departmentIds.some((id) => wanted.has(id))).map((m) => m.userid);
}

/** The Mongo condition that keeps rows whose `field` (a staff userid, or an array of them) is in scope. */
export function staffScopeFilter(scope: StaffScope, field: string): Record<string, unknown> {
  return scope.all ? {} : { [field]: { $in: scope.userids } };
}

import type { StaffListQuery, StaffView } from '../../../lib/contracts/org.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { StaffModel } from '../../../lib/models/staff.model';

/** R-7.1.2-03 and I-98: fuzzy name/phone search, and a department means it and everything under it. */
export async function listStaff(tenantId: string, query: StaffListQuery) {
  const departments = await DepartmentModel.find({ tenantId }, { deptId: 1, name: 1, parentId: 1 }).lean();
  const filter: Record<string, unknown> = { tenantId, deletedAt: { $exists: false } };
  if (query.departmentId !== undefined) {
    filter.departmentIds = { $in: subtreeIds(departments, query.departmentId) };
  }
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

export function subtreeIds(
  departments: Array<{ deptId: number; parentId: number }>,
  rootId: number,
): number[] {
  const children = new Map<number, number[]>();
  for (const d of departments) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.deptId]);
  const ids: number[] = [];
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    ids.push(id);
    pending.push(...(children.get(id) ?? []));
  }
  return ids;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

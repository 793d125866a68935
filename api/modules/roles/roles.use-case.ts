import type { CallerAccess } from '../../../lib/access/caller-access';
import { isPermissionKey, withAncestors } from '../../../lib/access/permission-catalogue';
import type { RoleInput, RoleView } from '../../../lib/contracts/role.contract';
import { RoleModel, type Role } from '../../../lib/models/role.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, forbidden, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

/** R-0-03: records made by the super admin or by the system show "管理员". */
const SYSTEM_CREATOR = '管理员';

type StoredRole = Role & { _id: unknown; createdAt?: Date };

/** 权限列表: the tenant's roles, built-in first, with 员工数 and 创建人 counted here. */
export async function listRoles(
  { tenantId }: Caller,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [rows, total] = await Promise.all([
    RoleModel.find({ tenantId })
      .sort({ createdAt: 1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    RoleModel.countDocuments({ tenantId }),
  ]);
  const ids = rows.map((row) => String(row._id));
  const [counts, creators] = await Promise.all([
    StaffModel.aggregate<{ _id: string; staff: number }>([
      { $match: { tenantId, roleId: { $in: ids }, deletedAt: { $exists: false } } },
      { $group: { _id: '$roleId', staff: { $sum: 1 } } },
    ]),
    creatorNames(tenantId, rows),
  ]);
  const staffCount = new Map(counts.map((c) => [c._id, c.staff]));
  const items = rows.map((row) => roleView(row, staffCount.get(String(row._id)) ?? 0, creators));
  return { items, total, page, pageSize };
}

/** 创建人 by userid; the super admin shows as "管理员" like the system itself (R-0-03). */
async function creatorNames(tenantId: string, rows: StoredRole[]): Promise<Map<string, string>> {
  const userids = [...new Set(rows.map((row) => row.createdBy).filter((u): u is string => Boolean(u)))];
  if (userids.length === 0) return new Map();
  const [creators, superAdminRole] = await Promise.all([
    StaffModel.find({ tenantId, userid: { $in: userids } }, { userid: 1, name: 1, roleId: 1 }).lean(),
    RoleModel.findOne({ tenantId, builtIn: 'super_admin' }, { _id: 1 }).lean(),
  ]);
  return new Map(
    creators.map((c) => [
      c.userid,
      superAdminRole && c.roleId === String(superAdminRole._id) ? SYSTEM_CREATOR : c.name,
    ]),
  );
}

function roleView(row: StoredRole, staffCount: number, creators: Map<string, string>): RoleView {
  return {
    id: String(row._id),
    name: row.name,
    builtIn: row.builtIn ?? null,
    functionPermissions: row.functionPermissions,
    dataScope: row.dataScope,
    // Built-in roles stored before 自定义 数据权限 existed have neither list.
    customDepartmentIds: row.customDepartmentIds ?? [],
    customUserids: row.customUserids ?? [],
    staffCount,
    createdByName: (row.createdBy && creators.get(row.createdBy)) || SYSTEM_CREATOR,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
  };
}

/**
 * Nobody but the super admin hands out 功能权限 they do not hold themselves, so 设置角色 or 编辑角色 can
 * never lift anyone (oneself included) above the person doing it.
 */
export function assertWithinOwnPermissions(
  caller: Pick<CallerAccess, 'isSuperAdmin' | 'permissions'>,
  permissions: readonly string[],
  message: string,
) {
  if (caller.isSuperAdmin) return;
  if (permissions.some((key) => !caller.permissions.has(key)))
    throw forbidden(message, 'PERMISSION_ESCALATION');
}

/** Checks the keys against the catalogue and stores them with their ancestors (a button needs its page). */
function storedFields(input: RoleInput, caller: Caller) {
  const unknown = input.functionPermissions.find((key) => !isPermissionKey(key));
  if (unknown) throw badRequest(`功能权限有误（${unknown}）`, 'UNKNOWN_PERMISSION');
  const functionPermissions = withAncestors(input.functionPermissions);
  assertWithinOwnPermissions(caller, functionPermissions, '不能授予自己没有的功能权限');
  const custom = input.dataScope === 'custom';
  return {
    name: input.name,
    functionPermissions,
    dataScope: input.dataScope,
    customDepartmentIds: custom ? [...new Set(input.customDepartmentIds)] : [],
    customUserids: custom ? [...new Set(input.customUserids)] : [],
  };
}

function rethrowDuplicateName(error: unknown): never {
  if (isDuplicateKeyError(error)) throw conflict('角色名称已存在', 'ROLE_NAME_TAKEN');
  throw error;
}

export async function createRole(caller: Caller, input: RoleInput): Promise<{ id: string; name: string }> {
  const { tenantId, userid: createdBy } = caller;
  const fields = storedFields(input, caller);
  let role: StoredRole;
  try {
    role = (await RoleModel.create({ tenantId, createdBy, ...fields })).toObject() as StoredRole;
  } catch (error) {
    rethrowDuplicateName(error);
  }
  const id = String(role._id);
  await recordAudit(caller, {
    action: 'role.create',
    target: { type: 'role', id, name: role.name },
    after: auditedRole(role),
  });
  return { id, name: role.name };
}

async function findRole(tenantId: string, roleId: string): Promise<StoredRole> {
  const role = await RoleModel.findOne({ tenantId, _id: roleId }).lean();
  if (!role) throw notFound('角色不存在', 'ROLE_NOT_FOUND');
  return role;
}

/**
 * Built-in roles can be edited (I-102), except 超级管理员: it always has every permission and sees
 * everything, so there is nothing to edit and nobody can lock the tenant out.
 */
export async function updateRole(
  caller: Caller,
  { roleId, ...input }: RoleInput & { roleId: string },
): Promise<void> {
  const { tenantId } = caller;
  const before = await findRole(tenantId, roleId);
  if (before.builtIn === 'super_admin') throw badRequest('超级管理员角色不可修改', 'SUPER_ADMIN_ROLE_FIXED');
  const fields = storedFields(input, caller);
  try {
    await RoleModel.updateOne({ tenantId, _id: roleId }, { $set: fields });
  } catch (error) {
    rethrowDuplicateName(error);
  }
  await recordAudit(caller, {
    action: 'role.update',
    target: { type: 'role', id: roleId, name: fields.name },
    before: auditedRole(before),
    after: auditedRole({ ...before, ...fields }),
  });
}

/** I-102: built-in roles stay, and a role still held by staff cannot go. */
export async function deleteRole(caller: Caller, { roleId }: { roleId: string }): Promise<void> {
  const { tenantId } = caller;
  const role = await findRole(tenantId, roleId);
  if (role.builtIn) throw badRequest('系统内置角色不可删除', 'BUILT_IN_ROLE');
  if (await StaffModel.exists({ tenantId, roleId, deletedAt: { $exists: false } })) {
    throw conflict('该角色下还有员工，请先调整员工角色后再删除', 'ROLE_HAS_STAFF');
  }
  await RoleModel.deleteOne({ tenantId, _id: roleId });
  await recordAudit(caller, {
    action: 'role.delete',
    target: { type: 'role', id: roleId, name: role.name },
    before: auditedRole(role),
  });
}

/** What the audit log keeps of a role: everything a person could change. */
function auditedRole(
  role: Pick<StoredRole, 'name' | 'functionPermissions' | 'dataScope'> & {
    customDepartmentIds: number[];
    customUserids: string[];
  },
) {
  return {
    name: role.name,
    functionPermissions: role.functionPermissions,
    dataScope: role.dataScope,
    customDepartmentIds: role.customDepartmentIds,
    customUserids: role.customUserids,
  };
}

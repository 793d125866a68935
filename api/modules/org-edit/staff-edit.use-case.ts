import mongoose from 'mongoose';
import type { StaffCreate, StaffUpdate } from '../../../lib/contracts/org-edit.contract';
import { DepartmentModel } from '../../../lib/models/department.model';
import { RoleModel } from '../../../lib/models/role.model';
import { StaffModel, type Staff } from '../../../lib/models/staff.model';
import { releaseSeat } from '../../../lib/org/seats';
import {
  EMAIL_TAKEN_MESSAGE,
  MOBILE_TAKEN_MESSAGE,
  USERID_TAKEN_MESSAGE,
} from '../../../lib/org/wecom-write-messages';
import type { Caller } from '../../auth/caller';
import { badRequest, conflict, forbidden, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { assertStaffInScope } from '../org/staff-in-scope';
import { changeStaffRole } from '../org/staff-role.use-case';
import { assertWithinOwnPermissions } from '../roles/roles.use-case';
import { enqueueOrgChanges, type WriteBackDeps } from './enqueue-org-change';
import { assertOrgEditable } from './org-editability';

/** Local staff fields that are WeCom's, with their user/create|update names. */
const WECOM_FIELDS = {
  name: 'name',
  alias: 'alias',
  gender: 'gender',
  mobile: 'mobile',
  telephone: 'telephone',
  email: 'email',
  address: 'address',
  position: 'position',
  departmentIds: 'department',
} as const;
type WeComField = keyof typeof WECOM_FIELDS;

const ACTIVE = { deletedAt: { $exists: false } };

/**
 * Whether WeCom has this member: seen by a sync or callback, or created here and on its way. The tenant's first
 * admin, made by the platform, is not a WeCom member: edits of such a local-only record stay here.
 */
function isInWeCom(staff: Pick<Staff, 'lastSeenAt' | 'writeBack'>): boolean {
  return (
    Boolean(staff.lastSeenAt) || (staff.writeBack?.status === 'pending' && staff.writeBack.op === 'create')
  );
}
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');

export function staffDetail(staff: Staff) {
  return {
    userid: staff.userid,
    name: staff.name,
    alias: staff.alias,
    gender: staff.gender,
    mobile: staff.mobile,
    telephone: staff.telephone ?? '',
    email: staff.email,
    address: staff.address ?? '',
    departmentIds: staff.departmentIds,
    position: staff.position,
    roleId: staff.roleId ?? null,
    systemEnabled: staff.systemEnabled,
    writeBack: staff.writeBack
      ? {
          status: staff.writeBack.status,
          op: staff.writeBack.op,
          message: staff.writeBack.message ?? undefined,
        }
      : undefined,
  };
}

/** The 编辑 dialog's fields of one staff member inside the caller's 数据权限. */
export async function getStaffDetail(caller: Caller, { userid }: { userid: string }) {
  await assertStaffInScope(caller, userid);
  return activeStaffDetail(caller.tenantId, userid);
}

async function activeStaffDetail(tenantId: string, userid: string) {
  const staff = await StaffModel.findOne({ tenantId, userid, ...ACTIVE }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  return staffDetail(staff);
}

async function assertDepartmentsExist(tenantId: string, departmentIds: number[]): Promise<void> {
  const found = await DepartmentModel.countDocuments({
    tenantId,
    deptId: { $in: departmentIds },
    $nor: [{ 'writeBack.status': 'pending', 'writeBack.op': 'delete' }],
  });
  if (found !== departmentIds.length) throw badRequest('部门不存在', 'DEPARTMENT_NOT_FOUND');
}

/** The 角色 of a new member follows 设置角色's rules: not 超级管理员, nothing beyond the caller's own permissions. */
async function assertRoleGivable(caller: Caller, roleId: string): Promise<void> {
  const { tenantId } = caller;
  const role = mongoose.isValidObjectId(roleId)
    ? await RoleModel.findOne({ tenantId, _id: roleId }).lean()
    : null;
  if (!role) throw badRequest('角色不存在', 'ROLE_NOT_FOUND');
  if (role.builtIn === 'super_admin') throw badRequest('超级管理员角色不可分配', 'SUPER_ADMIN_ROLE_FIXED');
  assertWithinOwnPermissions(caller, role.functionPermissions, '不能分配超出自己权限的角色');
}

/** R-7.1.3-04/06: mobile and email are unique in the tenant (as WeCom requires in the corp). */
async function assertUnique(
  tenantId: string,
  fields: { mobile?: string; email?: string },
  exceptUserid?: string,
) {
  const others = exceptUserid ? { userid: { $ne: exceptUserid } } : {};
  if (fields.mobile && (await StaffModel.exists({ tenantId, mobile: fields.mobile, ...ACTIVE, ...others }))) {
    throw conflict(MOBILE_TAKEN_MESSAGE, 'MOBILE_TAKEN');
  }
  if (
    fields.email &&
    (await StaffModel.exists({ tenantId, email: exactly(fields.email), ...ACTIVE, ...others }))
  ) {
    throw conflict(EMAIL_TAKEN_MESSAGE, 'EMAIL_TAKEN');
  }
}

function wecomRequest(userid: string, fields: Partial<Record<WeComField, unknown>>) {
  const request: Record<string, unknown> = { userid };
  for (const [local, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    request[WECOM_FIELDS[local as WeComField]] = value;
    if (local === 'departmentIds') request.main_department = (value as number[])[0];
  }
  return request;
}

/** 新建员工 (R-7.1.3, I-100): starts 关闭系统, with one role; WeCom gets the member through the write-back. */
export async function createStaff(caller: Caller, input: StaffCreate, deps: WriteBackDeps) {
  const { tenantId } = caller;
  await assertOrgEditable(tenantId);
  await assertDepartmentsExist(tenantId, input.departmentIds);
  await assertRoleGivable(caller, input.roleId);
  // WeCom's userids are unique ignoring case.
  if (await StaffModel.exists({ tenantId, userid: exactly(input.userid), ...ACTIVE })) {
    throw conflict(USERID_TAKEN_MESSAGE, 'USERID_TAKEN');
  }
  await assertUnique(tenantId, input);

  const { roleId, userid, ...wecomFields } = input;
  const fields = { ...wecomFields, gender: input.gender ?? '0', mainDepartment: input.departmentIds[0] };
  // Someone deleted earlier keeps their record as history; coming back reuses it.
  await StaffModel.updateOne(
    { tenantId, userid },
    {
      $set: { ...fields, roleId, systemEnabled: false, wecomStatus: 4 },
      $unset: { deletedAt: '', lastSeenAt: '', writeBack: '' },
    },
    { upsert: true },
  );
  const wecomFieldsSent = Object.fromEntries(
    Object.entries(wecomFields).filter(([, value]) => value !== '' && value !== undefined),
  );
  await enqueueOrgChanges(deps, caller, [
    {
      kind: 'staff',
      op: 'create',
      targetId: userid,
      targetName: input.name,
      request: wecomRequest(userid, wecomFieldsSent),
      fields: Object.keys(WECOM_FIELDS),
    },
  ]);
  const created = await activeStaffDetail(tenantId, userid);
  await recordAudit(caller, {
    action: 'staff.create',
    target: { type: 'staff', id: userid, name: input.name },
    after: { ...created, writeBack: undefined },
  });
  return created;
}

/** 编辑 (I-100): 帐号 stays as created; only what changed goes to WeCom, and the role stays local. */
export async function updateStaff(
  caller: Caller,
  { userid, ...input }: StaffUpdate & { userid: string },
  deps: WriteBackDeps,
) {
  const { tenantId } = caller;
  await assertStaffInScope(caller, userid);
  await assertOrgEditable(tenantId);
  const staff = await StaffModel.findOne({ tenantId, userid, ...ACTIVE }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  const before = staffDetail(staff);

  const changed: Partial<Record<WeComField, unknown>> = {};
  for (const field of Object.keys(WECOM_FIELDS) as WeComField[]) {
    const next = input[field];
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(before[field])) changed[field] = next;
  }
  if (changed.departmentIds) await assertDepartmentsExist(tenantId, changed.departmentIds as number[]);
  const roleChanged = input.roleId !== undefined && input.roleId !== before.roleId;
  if (roleChanged && !caller.isSuperAdmin && !caller.permissions.has('system.org.staff-role')) {
    throw forbidden('无权限设置角色', 'NO_PERMISSION');
  }
  await assertUnique(tenantId, { mobile: changed.mobile as string, email: changed.email as string }, userid);

  const set: Record<string, unknown> = { ...changed };
  if (changed.departmentIds) set.mainDepartment = (changed.departmentIds as number[])[0];
  if (Object.keys(set).length === 0 && !roleChanged) return before;
  // 设置角色's own rules (no 超级管理员, nobody changes their own role, no escalation) apply here too.
  if (roleChanged) await changeStaffRole(caller, { userid, roleId: input.roleId as string });

  if (Object.keys(set).length > 0) await StaffModel.updateOne({ tenantId, userid }, { $set: set });
  if (Object.keys(changed).length > 0 && isInWeCom(staff)) {
    await enqueueOrgChanges(deps, caller, [
      {
        kind: 'staff',
        op: 'update',
        targetId: userid,
        targetName: (changed.name as string) ?? staff.name,
        request: wecomRequest(userid, changed),
        fields: Object.keys(changed),
        before: Object.fromEntries(Object.keys(changed).map((field) => [field, before[field as WeComField]])),
      },
    ]);
  }
  const after = await activeStaffDetail(tenantId, userid);
  const keys = [
    ...Object.keys(set).filter((key) => key !== 'mainDepartment'),
    ...(roleChanged ? ['roleId'] : []),
  ] as Array<keyof typeof before>;
  await recordAudit(caller, {
    action: 'staff.update',
    target: { type: 'staff', id: userid, name: after.name },
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  });
  return after;
}

/**
 * 删除 (R-7.1.2-06, I-99): frees the seat and ends the person's sessions; the record stays as history
 * (deletedAt), as when WeCom deletes a member, so what refers to them still reads well.
 */
export async function deleteStaff(
  caller: Caller,
  { userid }: { userid: string },
  deps: WriteBackDeps,
): Promise<void> {
  const { tenantId } = caller;
  await assertStaffInScope(caller, userid);
  await assertOrgEditable(tenantId);
  const staff = await StaffModel.findOne({ tenantId, userid, ...ACTIVE }).lean();
  if (!staff) throw notFound('员工不存在', 'STAFF_NOT_FOUND');
  if (String(staff._id) === caller.staffId) throw badRequest('不能删除自己', 'CANNOT_DELETE_SELF');

  await StaffModel.updateOne(
    { tenantId, userid },
    { $set: { deletedAt: new Date(), systemEnabled: false }, $inc: { sessionVersion: 1 } },
  );
  await releaseSeat(tenantId, String(staff._id));
  if (isInWeCom(staff)) {
    await enqueueOrgChanges(deps, caller, [
      {
        kind: 'staff',
        op: 'delete',
        targetId: userid,
        targetName: staff.name,
        request: { userid },
        fields: [],
      },
    ]);
  }
  await recordAudit(caller, {
    action: 'staff.delete',
    target: { type: 'staff', id: userid, name: staff.name },
    before: { ...staffDetail(staff), writeBack: undefined },
    after: { deleted: true, systemEnabled: false },
  });
}

/** The roles the 角色 field of 新建员工 / 编辑 offers: all but 超级管理员, the super admin's alone (I-101). */
export async function roleOptions({ tenantId }: Caller) {
  const roles = await RoleModel.find({ tenantId, builtIn: { $ne: 'super_admin' } }, { name: 1 })
    .sort({ createdAt: 1 })
    .limit(500)
    .lean();
  return roles.map((role) => ({ id: String(role._id), name: role.name }));
}

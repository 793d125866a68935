import { RoleModel } from '../models/role.model';
import { StaffModel } from '../models/staff.model';
import { TenantModel } from '../models/tenant.model';
import { FIRST_RELEASE_PERMISSION_KEYS } from './first-release-permissions';
import { ALL_PERMISSION_KEYS, parentOf, withAncestors } from './permission-catalogue';

const FIRST_RELEASE = new Set(FIRST_RELEASE_PERMISSION_KEYS);

export type BuiltInRole = 'super_admin' | 'admin' | 'staff';

/**
 * What a staff member synced from WeCom can do before anyone gives them another role: work with their
 * own customers and groups, no 系统配置.
 */
const DEFAULT_STAFF_PERMISSIONS = withAncestors([
  'acquisition.group-codes.create',
  'acquisition.group-codes.edit',
  'acquisition.staff-codes.create',
  'acquisition.staff-codes.edit',
  'acquisition.welcome-messages',
  'customer.customers.edit',
  'customer.customers.contact-record',
  'customer.customers.tag',
  'customer.groups.tag',
  'customer.mass-messages.create',
  'material.knowledge',
  'archive.messages',
  'analytics.customers',
  'analytics.staff',
  'operation.sop',
]);

const BUILT_IN_ROLES: ReadonlyArray<{
  builtIn: BuiltInRole;
  name: string;
  functionPermissions: readonly string[];
  dataScope: 'self' | 'all';
}> = [
  // The super admin's permissions are the whole catalogue at check time (see caller-access.ts), so
  // permissions added later reach them without a migration; the stored list is for display.
  { builtIn: 'super_admin', name: '超级管理员', functionPermissions: ALL_PERMISSION_KEYS, dataScope: 'all' },
  { builtIn: 'admin', name: '管理员', functionPermissions: ALL_PERMISSION_KEYS, dataScope: 'all' },
  { builtIn: 'staff', name: '员工', functionPermissions: DEFAULT_STAFF_PERMISSIONS, dataScope: 'self' },
];

/**
 * Creates the tenant's built-in roles when missing (idempotent, keyed by `builtIn`) and returns their
 * ids. A role someone has edited since keeps their edits.
 */
export async function ensureBuiltInRoles(tenantId: string): Promise<Record<BuiltInRole, string>> {
  const ids = {} as Record<BuiltInRole, string>;
  for (const role of BUILT_IN_ROLES) {
    const saved = await RoleModel.findOneAndUpdate(
      { tenantId, builtIn: role.builtIn },
      {
        $setOnInsert: {
          name: role.name,
          functionPermissions: [...role.functionPermissions],
          offeredKeys: [...role.functionPermissions],
          dataScope: role.dataScope,
          customDepartmentIds: [],
          customUserids: [],
        },
      },
      { upsert: true, new: true },
    ).lean();
    ids[role.builtIn] = String(saved._id);
  }
  // Staff from before roles existed get the default role, so every staff member has one (I-100).
  await StaffModel.updateMany({ tenantId, roleId: { $exists: false } }, { $set: { roleId: ids.staff } });
  await upgradeBuiltInRoles(tenantId);
  return ids;
}

/**
 * Gives the tenant's built-in roles the keys their definition gained since they were provisioned (e.g. 员工
 * gaining 写联系记录), and never again a key an admin removed: each role records the keys it was offered
 * (`offeredKeys`; for roles from before that record, the first release's catalogue stands in). A new key joins
 * only where its menu is still granted, so a menu an admin took away stays away. Idempotent; a role edited
 * meanwhile is read again on the next run.
 */
export async function upgradeBuiltInRoles(tenantId: string): Promise<void> {
  for (const definition of BUILT_IN_ROLES) {
    const stored = await RoleModel.findOne({ tenantId, builtIn: definition.builtIn }).lean();
    if (!stored) continue;
    const offered = new Set(
      stored.offeredKeys ?? definition.functionPermissions.filter((key) => FIRST_RELEASE.has(key)),
    );
    const fresh = definition.functionPermissions.filter((key) => !offered.has(key));
    if (fresh.length === 0 && stored.offeredKeys) continue;
    const granted = new Set(stored.functionPermissions);
    // Parents come before their children in the definition (catalogue order), so a new menu lets its new actions in.
    for (const key of fresh) {
      const parent = parentOf(key);
      if (parent === null || granted.has(parent)) granted.add(key);
    }
    await RoleModel.updateOne(
      { tenantId, _id: stored._id, updatedAt: stored.updatedAt },
      {
        $set: {
          functionPermissions: ALL_PERMISSION_KEYS.filter((key) => granted.has(key)),
          offeredKeys: [...new Set([...offered, ...definition.functionPermissions])],
        },
      },
    );
  }
}

/** At start: every tenant's built-in roles, upgraded as above. */
export async function upgradeAllBuiltInRoles(): Promise<number> {
  const tenants = await TenantModel.find({}, { _id: 1 }).lean();
  for (const tenant of tenants) await upgradeBuiltInRoles(String(tenant._id));
  return tenants.length;
}

/** The role a staff member gets when nobody chose one (synced from WeCom, I-100). */
export async function defaultStaffRoleId(tenantId: string): Promise<string | undefined> {
  const role = await RoleModel.findOne({ tenantId, builtIn: 'staff' }, { _id: 1 }).lean();
  return role ? String(role._id) : undefined;
}

export interface SuperAdminInput {
  userid?: string;
  name: string;
  mobile: string;
  passwordHash: string;
}

/**
 * The one way a tenant gets its roles and its super admin (platform console, demo seed, test fixture):
 * built-in roles, then the super admin, switched on, holding the 超级管理员 role. The super admin uses
 * no seat (I-101). Idempotent: an existing super admin keeps their name, phone and password.
 */
export async function provisionTenantAccess(tenantId: string, admin: SuperAdminInput) {
  const roles = await ensureBuiltInRoles(tenantId);
  const staff = await StaffModel.findOneAndUpdate(
    { tenantId, userid: admin.userid ?? 'admin' },
    {
      $setOnInsert: {
        name: admin.name,
        mobile: admin.mobile,
        departmentIds: [1],
        passwordHash: admin.passwordHash,
      },
      $set: { systemEnabled: true, roleId: roles.super_admin },
    },
    { upsert: true, new: true },
  ).lean();
  return { roles, superAdminStaffId: String(staff._id) };
}

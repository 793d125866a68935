import { ensureBuiltInRoles, upgradeBuiltInRoles } from '../../lib/access/built-in-roles';
import { RoleModel } from '../../lib/models/role.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('roles-upgrade');
const CONTACT_RECORD = 'customer.customers.contact-record';

/** Built-in roles of tenants provisioned earlier gain what their definition gained since, and only that. */
describe('built-in roles keep up with their definitions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('roles-upgrade');
    await ensureBuiltInRoles(TENANT);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const role = async (builtIn: 'admin' | 'staff') =>
    (await RoleModel.findOne({ tenantId: TENANT, builtIn }).lean())!;
  const setRole = (builtIn: 'admin' | 'staff', change: Record<string, unknown>) =>
    RoleModel.updateOne({ tenantId: TENANT, builtIn }, change);

  it('a role from the first release gains the new keys, not the ones an admin removed', async () => {
    const staff = await role('staff');
    expect(staff.functionPermissions).toContain(CONTACT_RECORD);
    // As the first release provisioned them, then edited by an admin: 员工 lost 客户群 打标签, 管理员 lost 标签管理.
    await setRole('staff', {
      $unset: { offeredKeys: 1 },
      $set: {
        functionPermissions: staff.functionPermissions.filter(
          (key) => key !== CONTACT_RECORD && key !== 'customer.groups.tag',
        ),
      },
    });
    const admin = await role('admin');
    const addedSince = [
      CONTACT_RECORD,
      'customer.customers.sync',
      'customer.groups.sync',
      'system.tags.sync',
    ];
    await setRole('admin', {
      $unset: { offeredKeys: 1 },
      $set: {
        functionPermissions: admin.functionPermissions.filter(
          (key) => !addedSince.includes(key) && !key.startsWith('system.tags'),
        ),
      },
    });

    await upgradeBuiltInRoles(TENANT);
    await upgradeBuiltInRoles(TENANT);

    const upgradedStaff = await role('staff');
    expect(upgradedStaff.functionPermissions).toContain(CONTACT_RECORD);
    expect(upgradedStaff.functionPermissions).not.toContain('customer.groups.tag');
    const upgradedAdmin = await role('admin');
    expect(upgradedAdmin.functionPermissions).toEqual(
      expect.arrayContaining([CONTACT_RECORD, 'customer.customers.sync', 'customer.groups.sync']),
    );
    // Its menu was taken away on purpose: the new 同步 of 标签管理 stays away with it.
    expect(upgradedAdmin.functionPermissions).not.toContain('system.tags.sync');
    expect(upgradedAdmin.functionPermissions).not.toContain('system.tags');
  });

  it('a key removed after the upgrade stays removed; a key the definition gains later arrives', async () => {
    const staff = await role('staff');
    await setRole('staff', {
      $set: { functionPermissions: staff.functionPermissions.filter((key) => key !== CONTACT_RECORD) },
    });
    await upgradeBuiltInRoles(TENANT);
    expect((await role('staff')).functionPermissions).not.toContain(CONTACT_RECORD);

    // As if 写联系记录 were added to the definition only now: never offered to this role before.
    await setRole('staff', {
      $set: { offeredKeys: (staff.offeredKeys ?? []).filter((key) => key !== CONTACT_RECORD) },
    });
    await upgradeBuiltInRoles(TENANT);
    const upgraded = await role('staff');
    expect(upgraded.functionPermissions).toContain(CONTACT_RECORD);
    expect(upgraded.offeredKeys).toContain(CONTACT_RECORD);
  });
});

import request from 'supertest';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('roles');
const ADMIN_MOBILE = '13700000101';
const STAFF_PASSWORD = 'Staff1234';

type Agent = ReturnType<typeof request.agent>;

/**
 * 1 corp → 2 销售部 → 3 销售一组; 1 → 4 研发部.
 * 销售经理 (sales-lead) sits in 销售部, 销售员 (sales-rep) in 销售一组, 工程师 (engineer) in 研发部.
 */
const DEPARTMENTS = [
  { deptId: 1, name: '角色测试企业', parentId: 0 },
  { deptId: 2, name: '销售部', parentId: 1 },
  { deptId: 3, name: '销售一组', parentId: 2 },
  { deptId: 4, name: '研发部', parentId: 1 },
];
const STAFF = [
  { userid: 'sales-lead', name: '销售经理', mobile: '13700000111', departmentIds: [2] },
  { userid: 'sales-rep', name: '销售员', mobile: '13700000112', departmentIds: [3] },
  { userid: 'engineer', name: '工程师', mobile: '13700000113', departmentIds: [4] },
];

describe('权限管理: roles, function permissions and data permissions (R-7.2, I-100..I-104)', () => {
  let app: TestApp;
  let admin: Agent;
  let roles: { super_admin: string; admin: string; staff: string };

  beforeAll(async () => {
    app = await startTestApp('roles');
    const corp = await simulator.createCorp('角色测试企业');
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE }));
    await DepartmentModel.insertMany(DEPARTMENTS.map((d) => ({ tenantId: TENANT, ...d })));
    await StaffModel.insertMany(STAFF.map((s) => ({ tenantId: TENANT, roleId: roles.staff, ...s })));
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function createRole(body: Record<string, unknown>): Promise<string> {
    const created = await admin.post('/api/roles').send(body);
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /** Switches the staff member on, gives them the role and a password, and logs them in. */
  async function logInWithRole(userid: string, roleId: string): Promise<Agent> {
    await admin.put(`/api/org/staff/${userid}/role`).send({ roleId }).expect(204);
    await admin.put(`/api/org/staff/${userid}/system-access`).send({ enabled: true }).expect(200);
    await admin.put(`/api/org/staff/${userid}/password`).send({ password: STAFF_PASSWORD }).expect(204);
    const mobile = STAFF.find((s) => s.userid === userid)!.mobile;
    const agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: mobile, password: STAFF_PASSWORD }).expect(200);
    return agent;
  }

  const namesOf = (page: { items: Array<{ name: string }> }) => page.items.map((s) => s.name).sort();

  it('a tenant starts with the built-in roles; the list counts 员工数 and names 创建人 on the server', async () => {
    const page = (await admin.get('/api/roles')).body;
    expect(page.items.map((r: { name: string; staffCount: number; createdByName: string }) => r)).toEqual([
      expect.objectContaining({
        name: '超级管理员',
        builtIn: 'super_admin',
        staffCount: 1,
        createdByName: '管理员',
      }),
      expect.objectContaining({ name: '管理员', builtIn: 'admin', staffCount: 0 }),
      expect.objectContaining({ name: '员工', builtIn: 'staff', staffCount: 3, dataScope: 'self' }),
    ]);
    expect(page.total).toBe(3);
    const tree = (await admin.get('/api/roles/permission-tree')).body.items;
    expect(tree.map((node: { title: string }) => node.title)).toContain('系统配置');
  });

  it('validates roles: name required, at most 30, unique; known permissions; 自定义 needs a choice', async () => {
    const empty = await admin.post('/api/roles').send({ name: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('请输入角色名称');
    const long = await admin.post('/api/roles').send({ name: '长'.repeat(31) });
    expect(long.body.error.message).toContain('角色名称最多30个字');
    const taken = await admin.post('/api/roles').send({ name: '员工' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('角色名称已存在');
    const unknown = await admin.post('/api/roles').send({ name: '乱填', functionPermissions: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('功能权限有误');
    const custom = await admin.post('/api/roles').send({ name: '空自定义', dataScope: 'custom' });
    expect(custom.body.error.message).toContain('自定义数据权限请至少选择一个部门或员工');
    const badId = await admin.put('/api/roles/not-an-id').send({ name: 'x' });
    expect(badId.status).toBe(400);
  });

  it('a role limited to 本部门及以下 sees only its department and the ones below it', async () => {
    const roleId = await createRole({
      name: '部门主管',
      functionPermissions: ['system.org'],
      dataScope: 'department',
    });
    const lead = await logInWithRole('sales-lead', roleId);

    const me = (await lead.get('/api/auth/me')).body;
    expect(me.access).toEqual({
      roleName: '部门主管',
      isSuperAdmin: false,
      permissions: ['system', 'system.org'],
      dataScope: 'department',
    });
    const staff = (await lead.get('/api/org/staff')).body;
    expect(namesOf(staff)).toEqual(['销售员', '销售经理']);
    expect(staff.total).toBe(2);
    expect((await lead.get('/api/org/staff').query({ departmentId: 4 })).body.total).toBe(0);
    // The super admin sees everyone.
    expect((await admin.get('/api/org/staff')).body.total).toBe(4);

    // Editing the role takes effect at once, without logging in again.
    await admin
      .put(`/api/roles/${roleId}`)
      .send({ name: '部门主管', functionPermissions: ['system.org'], dataScope: 'self' })
      .expect(204);
    expect(namesOf((await lead.get('/api/org/staff')).body)).toEqual(['销售经理']);
    await admin
      .put(`/api/roles/${roleId}`)
      .send({
        name: '部门主管',
        functionPermissions: ['system.org'],
        dataScope: 'custom',
        customDepartmentIds: [4],
      })
      .expect(204);
    expect(namesOf((await lead.get('/api/org/staff')).body)).toEqual(['工程师', '销售经理']);
  });

  it('answers 403 with a clear message for what the role lacks, on the server, for every kind of call', async () => {
    const roleId = await createRole({
      name: '只读组织',
      functionPermissions: ['system.org'],
      dataScope: 'all',
    });
    const rep = await logInWithRole('sales-rep', roleId);
    for (const call of [
      rep.get('/api/roles'),
      rep.post('/api/roles').send({ name: '越权角色' }),
      rep.get('/api/audit-logs'),
      rep.post('/api/org/sync'),
      rep.put('/api/org/staff/engineer/system-access').send({ enabled: true }),
      rep.put('/api/org/staff/engineer/password').send({ password: 'Hacked123' }),
    ]) {
      const response = await call;
      expect(response.status).toBe(403);
      expect(response.body.error).toEqual({
        code: 'NO_PERMISSION',
        message: '无权限执行该操作，请联系管理员',
      });
    }
    expect((await rep.get('/api/org/staff')).status).toBe(200);
    expect((await rep.get('/api/auth/me')).status).toBe(200);

    // Giving the button makes it work at once.
    await admin
      .put(`/api/roles/${roleId}`)
      .send({ name: '只读组织', functionPermissions: ['system.roles'], dataScope: 'all' })
      .expect(204);
    expect((await rep.get('/api/roles')).status).toBe(200);
    expect((await rep.get('/api/org/staff')).status).toBe(403);
  });

  it('acting on staff outside one’s 数据权限 finds nobody', async () => {
    const roleId = await createRole({
      name: '本部门开通',
      functionPermissions: ['system.org.system-access', 'system.org.staff-role'],
      dataScope: 'department',
    });
    await admin.put('/api/org/staff/sales-lead/role').send({ roleId }).expect(204);
    const lead = request.agent(app.baseUrl);
    await lead.post('/api/auth/login').send({ phone: '13700000111', password: STAFF_PASSWORD }).expect(200);
    const outside = await lead.put('/api/org/staff/engineer/system-access').send({ enabled: true });
    expect(outside.status).toBe(404);
    expect(outside.body.error.message).toBe('员工不存在');
    const inside = await lead.put('/api/org/staff/sales-rep/system-access').send({ enabled: false });
    expect(inside.status).toBe(200);
  });

  it('protects the super admin: one holder of 超级管理员, never switched off, password only by themselves', async () => {
    const roleId = await createRole({
      name: '人事',
      functionPermissions: ['system.org.system-access', 'system.org.staff-role', 'system.org.staff-password'],
      dataScope: 'all',
    });
    const hr = await logInWithRole('engineer', roleId);
    expect(
      (await hr.put('/api/org/staff/admin/system-access').send({ enabled: false })).body.error.message,
    ).toBe('不能关闭超级管理员的系统权限');
    expect((await hr.put('/api/org/staff/admin/password').send({ password: 'Taken1234' })).status).toBe(403);
    const take = await hr.put('/api/org/staff/admin/role').send({ roleId });
    expect(take.body.error.message).toBe('不能修改超级管理员的角色');
    const give = await hr.put('/api/org/staff/sales-rep/role').send({ roleId: roles.super_admin });
    expect(give.body.error.message).toBe('超级管理员角色不可分配');
    const edit = await admin.put(`/api/roles/${roles.super_admin}`).send({ name: '超管' });
    expect(edit.body.error.message).toBe('超级管理员角色不可修改');
  });

  it('lets nobody but the super admin hand out permissions they lack, or change their own role', async () => {
    const hrRole = await createRole({
      name: '人事专员',
      functionPermissions: ['system.org.staff-role', 'system.roles.create'],
      dataScope: 'all',
    });
    const hr = await logInWithRole('sales-rep', hrRole);
    const escalate = await hr.put('/api/org/staff/engineer/role').send({ roleId: roles.admin });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error.message).toBe('不能分配超出自己权限的角色');
    const own = await hr.put('/api/org/staff/sales-rep/role').send({ roleId: roles.staff });
    expect(own.body.error.message).toBe('不能修改自己的角色');
    const wider = await hr
      .post('/api/roles')
      .send({ name: '越权', functionPermissions: ['system.org.sync'] });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toBe('不能授予自己没有的功能权限');
    // Within their own permissions they may.
    await hr
      .post('/api/roles')
      .send({ name: '同级', functionPermissions: ['system.org.staff-role'] })
      .expect(201);
    await admin.put('/api/org/staff/sales-rep/role').send({ roleId: roles.staff }).expect(204);
  });

  it('deletes a role only when it is not built in and nobody holds it (I-102)', async () => {
    const builtIn = await admin.delete(`/api/roles/${roles.staff}`);
    expect(builtIn.status).toBe(400);
    expect(builtIn.body.error.message).toBe('系统内置角色不可删除');

    const roleId = await createRole({ name: '临时角色', dataScope: 'self' });
    await admin.put('/api/org/staff/sales-rep/role').send({ roleId }).expect(204);
    const held = (await admin.get('/api/roles').query({ pageSize: 100 })).body.items.find(
      (r: { id: string }) => r.id === roleId,
    );
    expect(held).toMatchObject({ staffCount: 1, createdByName: '管理员' });
    const holders = (await admin.get('/api/org/staff').query({ roleId })).body;
    expect(holders.items.map((s: { userid: string; role: unknown }) => [s.userid, s.role])).toEqual([
      ['sales-rep', { id: roleId, name: '临时角色' }],
    ]);

    const blocked = await admin.delete(`/api/roles/${roleId}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toBe('该角色下还有员工，请先调整员工角色后再删除');
    await admin.put('/api/org/staff/sales-rep/role').send({ roleId: roles.staff }).expect(204);
    await admin.delete(`/api/roles/${roleId}`).expect(204);
    expect((await admin.delete(`/api/roles/${roleId}`)).status).toBe(404);
  });

  it('records role changes, role assignments and password resets with before and after', async () => {
    const rows = await AuditLogModel.find({ tenantId: TENANT }).lean();
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'role.create',
      'role.update',
      'role.delete',
      'staff.role',
      'staff.password-reset',
    ]) {
      expect(actions).toContain(action);
    }
    const update = rows.find((row) => row.action === 'role.update' && row.target?.name === '部门主管');
    expect(update?.before).toMatchObject({ dataScope: 'department' });
    expect(update?.after).toMatchObject({ dataScope: 'self' });
    const assignment = rows.find((row) => row.action === 'staff.role' && row.target?.id === 'sales-lead');
    expect(assignment?.before).toMatchObject({ roleName: '员工' });
    expect(assignment?.after).toMatchObject({ roleName: '部门主管' });
    const reset = rows.find((row) => row.action === 'staff.password-reset');
    expect(JSON.stringify(reset)).not.toContain(STAFF_PASSWORD);
    const page = (await admin.get('/api/audit-logs').query({ action: 'role.delete' })).body;
    expect(page.items[0]).toMatchObject({ action: 'role.delete', target: { name: '临时角色' } });
  });
});

import request from 'supertest';
import { StaffModel } from '../../lib/models/staff.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { populateCorp, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('sync');

describe('org sync (R-7.1.1-01, R-7.1.2-02)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let agent: ReturnType<typeof request.agent>;
  let roles: Awaited<ReturnType<typeof createBoundTenant>>['roles'];

  beforeAll(async () => {
    app = await startTestApp('org-sync');
    corp = await simulator.createCorp('同步测试企业');
    await populateCorp(corp.corpId, 25);
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000011' }));
    await app.startWorker();
    agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000011', password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function waitForSyncToFinish() {
    return eventually(async () => {
      const status = (await agent.get('/api/org/sync')).body;
      return status.lastSync && status.lastSync.status !== 'running' ? status : undefined;
    });
  }

  it('a manual sync copies every department and member of WeCom, then reports the count', async () => {
    const started = await agent.post('/api/org/sync');
    expect(started.status).toBe(202);
    expect(started.body.workflowId).toBe(`org-sync/${TENANT}/manual-${businessDay(new Date())}-1`);

    const status = await waitForSyncToFinish();
    // 4 departments (root + 3) and 25 members; the fixture's admin is not a WeCom member, so it stays local.
    expect(status.lastSync).toMatchObject({ status: 'completed', count: 4 + 25 });
    expect(status.manualSyncsToday).toBe(1);

    const departments = (await agent.get('/api/org/departments')).body;
    expect(departments.corpName).toBe('同步测试企业');
    expect(departments.items.map((d: { name: string }) => d.name).sort()).toEqual(
      ['同步测试企业', '销售部', '华东区', '研发中心'].sort(),
    );
    const wecom = await simulator.corp(corp.corpId);
    expect(departments.items).toHaveLength(wecom.departments.length);
  });

  it('the workflow is findable in Temporal by its search attributes', async () => {
    const found: string[] = [];
    for await (const workflow of app.temporal.workflow.list({
      query: `TenantId = "${TENANT}" AND EntityType = "org-sync"`,
    })) {
      found.push(workflow.workflowId);
    }
    expect(found).toContain(`org-sync/${TENANT}/manual-${businessDay(new Date())}-1`);
  });

  it('pages the staff list on the server, 20 by default, with department names', async () => {
    const first = (await agent.get('/api/org/staff')).body;
    expect(first.total).toBe(26);
    expect(first.items).toHaveLength(20);
    expect(first.pageSize).toBe(20);
    const second = (await agent.get('/api/org/staff?page=2')).body;
    expect(second.items).toHaveLength(6);
    const member = first.items.find((s: { userid: string }) => s.userid === 'staff001');
    expect(member.departments).toEqual([{ id: 3, name: '华东区' }]);
  });

  it('searches by name or phone, fuzzily', async () => {
    const byName = (await agent.get('/api/org/staff').query({ keyword: '员工1' })).body;
    expect(byName.items.map((s: { name: string }) => s.name).sort()).toEqual(
      [
        '员工1',
        '员工10',
        '员工11',
        '员工12',
        '员工13',
        '员工14',
        '员工15',
        '员工16',
        '员工17',
        '员工18',
        '员工19',
      ].sort(),
    );
    const byPhone = (await agent.get('/api/org/staff').query({ keyword: '10000007' })).body;
    expect(byPhone.items.map((s: { userid: string }) => s.userid)).toEqual(['staff007']);
    const regexCharacters = await agent.get('/api/org/staff').query({ keyword: '.*(' });
    expect(regexCharacters.status).toBe(200);
    expect(regexCharacters.body.total).toBe(0);
  });

  it('a department filter includes its sub-departments', async () => {
    const sales = (await agent.get('/api/org/staff').query({ departmentId: 2, pageSize: 100 })).body;
    const east = (await agent.get('/api/org/staff').query({ departmentId: 3, pageSize: 100 })).body;
    expect(east.total).toBeGreaterThan(0);
    expect(sales.total).toBe(
      east.total + (await StaffModel.countDocuments({ tenantId: TENANT, departmentIds: 2 })),
    );
  });

  it('reads empty filters from a form (?departmentId=&keyword=) as no filter', async () => {
    const response = await agent.get('/api/org/staff?departmentId=&keyword=');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(26);
  });

  it('rejects bad paging input with a clear message', async () => {
    const response = await agent.get('/api/org/staff').query({ pageSize: 1000 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('pageSize');
  });

  it('refuses a second manual sync within 10 minutes', async () => {
    const response = await agent.post('/api/org/sync');
    expect(response.status).toBe(429);
    expect(response.body.error.message).toBe('距离上次同步不足 10 分钟，请稍后再试');
  });

  it('allows the second sync 10 minutes later, then refuses a third that day', async () => {
    await SyncRunModel.updateMany(
      { tenantId: TENANT },
      { $set: { startedAt: new Date(Date.now() - 11 * 60_000) } },
    );
    // A member who left WeCom since the first sync disappears from the list after the second.
    await simulator.deleteUser(corp.corpId, 'staff025');
    await simulator.updateUser(corp.corpId, 'staff002', { position: '销售经理' });
    const before = await StaffModel.find({ tenantId: TENANT }, { userid: 1, updatedAt: 1 }).lean();
    const updatedAt = new Map(before.map((member) => [member.userid, member.updatedAt.getTime()]));
    expect((await agent.post('/api/org/sync')).status).toBe(202);
    const status = await waitForSyncToFinish();
    expect(status.lastSync).toMatchObject({ status: 'completed', count: 4 + 24 });
    const left = (await agent.get('/api/org/staff').query({ keyword: '员工25' })).body;
    expect(left.total).toBe(0);

    // Only what WeCom changed is written: a member's row the sync found as it was stays untouched, so an
    // operator's 开启系统 at that moment cannot be undone by the sync writing the whole row back.
    const after = await StaffModel.find(
      { tenantId: TENANT },
      { userid: 1, updatedAt: 1, position: 1 },
    ).lean();
    const rewritten = after.filter((member) => member.updatedAt.getTime() !== updatedAt.get(member.userid));
    expect(rewritten.map((member) => member.userid).sort()).toEqual(['staff002', 'staff025']);
    expect(after.find((member) => member.userid === 'staff002')?.position).toBe('销售经理');

    await SyncRunModel.updateMany(
      { tenantId: TENANT },
      { $set: { startedAt: new Date(Date.now() - 11 * 60_000) } },
    );
    const third = await agent.post('/api/org/sync');
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe('每天最多手动同步 2 次，请明天再试');
  });

  it('keeps local fields (开启系统, password, role) when WeCom data is synced over a member', async () => {
    const admin = await StaffModel.findOne({ tenantId: TENANT, userid: 'admin' }).lean();
    expect(admin?.systemEnabled).toBe(true);
    expect(admin?.passwordHash).toBeTruthy();
    expect(admin?.roleId).toBe(roles.super_admin);
    // The super admin uses no seat (I-101).
    const seats = (await agent.get('/api/org/seats')).body;
    expect(seats).toMatchObject({ used: 0, total: 10 });
  });

  it('gives staff new from WeCom the built-in 员工 role (I-100)', async () => {
    const synced = await StaffModel.find(
      { tenantId: TENANT, userid: { $ne: 'admin' } },
      { roleId: 1 },
    ).lean();
    expect(synced.length).toBeGreaterThan(0);
    expect(new Set(synced.map((staff) => staff.roleId))).toEqual(new Set([roles.staff]));
  });

  it('answers 401 without a session', async () => {
    expect((await request(app.baseUrl).get('/api/org/staff')).status).toBe(401);
  });
});

import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import { SeatClaimModel } from '../../lib/models/seat-claim.model';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('seats');
const SEATS = 3;

describe('开启系统 / 关闭系统 and seats (R-1.2.3, R-7.1.4)', () => {
  let app: TestApp;
  let admin: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('system-access');
    const corp = await simulator.createCorp('席位测试企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000051', seats: SEATS });
    await StaffModel.insertMany(
      Array.from({ length: 8 }, (_, i) => ({
        tenantId: TENANT,
        userid: `member${i}`,
        name: `成员${i}`,
        mobile: `1370000006${i}`,
        departmentIds: [1],
      })),
    );
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000051', password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const setAccess = (userid: string, enabled: boolean) =>
    admin.put(`/api/org/staff/${userid}/system-access`).send({ enabled });

  it('开启系统 takes a seat and the banner counts it; the super admin uses none (I-101)', async () => {
    expect((await admin.get('/api/org/seats')).body).toMatchObject({ used: 0, total: SEATS });
    const response = await setAccess('member0', true);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ used: 1, total: SEATS });
    expect((await admin.get('/api/org/staff').query({ keyword: '成员0' })).body.items[0].systemEnabled).toBe(
      true,
    );
  });

  it('when concurrent clicks race for the last seat, exactly one wins and the rest hear the manual message', async () => {
    await setAccess('member1', true).expect(200);
    const answers = await Promise.all(
      ['member2', 'member3', 'member4', 'member7'].map((u) => setAccess(u, true)),
    );
    const won = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const answer of refused) expect(answer.body.error.message).toBe('可使用数量已用完，请联系商务');
    expect((await admin.get('/api/org/seats')).body).toMatchObject({ used: SEATS, total: SEATS });
    // Everyone holding a seat, and the super admin besides.
    expect(await StaffModel.countDocuments({ tenantId: TENANT, systemEnabled: true })).toBe(SEATS + 1);
  });

  it('关闭系统 frees the seat and ends that person’s session at once', async () => {
    await StaffModel.updateOne(
      { tenantId: TENANT, userid: 'member0' },
      { $set: { passwordHash: await hashPassword('Member@123') } },
    );
    const member = request.agent(app.baseUrl);
    await member.post('/api/auth/login').send({ phone: '13700000060', password: 'Member@123' }).expect(200);
    expect((await member.get('/api/auth/me')).status).toBe(200);

    expect((await setAccess('member0', false)).body).toMatchObject({ used: SEATS - 1 });
    expect((await member.get('/api/auth/me')).status).toBe(401);
    const again = await member.post('/api/auth/login').send({ phone: '13700000060', password: 'Member@123' });
    expect(again.body.error.message).toBe('号码失效，请联系管理员');

    expect((await setAccess('member5', true)).status).toBe(200);
  });

  it('a seat held by someone who has left WeCom is free again', async () => {
    const holder = await StaffModel.findOne({ tenantId: TENANT, userid: 'member5' }).lean();
    // What the org sync does when WeCom no longer has the member.
    await StaffModel.updateOne(
      { tenantId: TENANT, _id: holder!._id },
      { $set: { deletedAt: new Date(), systemEnabled: false } },
    );
    expect((await setAccess('member6', true)).status).toBe(200);
    expect(await SeatClaimModel.countDocuments({ tenantId: TENANT, staffId: String(holder!._id) })).toBe(0);
  });

  it('refuses to switch off one’s own access, unknown staff, and bad bodies, with clear messages', async () => {
    const self = await setAccess('admin', false);
    expect(self.status).toBe(400);
    expect(self.body.error.message).toBe('不能关闭自己的系统权限');
    const unknown = await setAccess('nobody', true);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('员工不存在');
    const bad = await admin.put('/api/org/staff/member1/system-access').send({ enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('请选择开启或关闭系统');
  });

  it('leaves an audit trail: who logged in, who switched whom on or off, before and after', async () => {
    const page = (await admin.get('/api/audit-logs').query({ pageSize: 100 })).body;
    const actions = page.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('login');
    const disable = page.items.find((entry: { action: string }) => entry.action === 'system-access.disable');
    expect(disable).toMatchObject({
      actor: { name: '管理员' },
      target: { type: 'staff', id: 'member0', name: '成员0' },
      before: { systemEnabled: true },
      after: { systemEnabled: false },
    });
    // Newest first, filterable by action, paginated on the server.
    const times = page.items.map((entry: { at: string }) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    const enables = (
      await admin.get('/api/audit-logs').query({ action: 'system-access.enable', pageSize: 2 })
    ).body;
    expect(enables.items).toHaveLength(2);
    expect(enables.total).toBeGreaterThanOrEqual(3);
    const bad = await admin.get('/api/audit-logs').query({ action: 'nonsense' });
    expect(bad.status).toBe(400);
  });
});

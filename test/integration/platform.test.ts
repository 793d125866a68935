import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { freshTenantId } from '../support/tenant-fixture';

const NEW_TENANT = freshTenantId('opened');

describe('platform operators open tenants (R-1.1, R-7.1.4)', () => {
  let app: TestApp;
  let operator: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('platform');
    await PlatformAdminModel.create({
      _id: 'operator',
      name: '运营',
      passwordHash: await hashPassword('Operator@123'),
    });
    operator = request.agent(app.baseUrl);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const opening = {
    id: NEW_TENANT,
    name: '新开企业',
    seats: 2,
    effectiveAt: '2026-01-01T00:00:00+08:00',
    expiresAt: '2099-01-01T00:00:00+08:00',
    admin: { name: '新管理员', mobile: '13700000081', password: 'NewAdmin@123' },
  };

  it('refuses a wrong operator password and anyone without the platform session', async () => {
    const wrong = await operator
      .post('/api/platform/auth/login')
      .send({ username: 'operator', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('账号或密码有误');
    expect((await request(app.baseUrl).post('/api/platform/tenants').send(opening)).status).toBe(401);
  });

  it('opens a tenant whose super admin can log in at once, uses no seat (I-101) and holds 超级管理员', async () => {
    await operator
      .post('/api/platform/auth/login')
      .send({ username: 'operator', password: 'Operator@123' })
      .expect(204);
    const opened = await operator.post('/api/platform/tenants').send(opening);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ id: NEW_TENANT, seats: 2, seatsUsed: 0, wecomBound: false });

    const admin = request.agent(app.baseUrl);
    const login = await admin
      .post('/api/auth/login')
      .send({ phone: '13700000081', password: 'NewAdmin@123' });
    expect(login.body.message).toBe('登录成功');
    expect(login.body.access).toMatchObject({ roleName: '超级管理员', isSuperAdmin: true, dataScope: 'all' });
    expect((await admin.get('/api/org/seats')).body).toMatchObject({ used: 0, total: 2 });
    const roles = (await admin.get('/api/roles')).body.items.map((r: { name: string }) => r.name);
    expect(roles).toEqual(['超级管理员', '管理员', '员工']);

    const again = await operator.post('/api/platform/tenants').send(opening);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('企业标识已存在');
    const list = (await operator.get('/api/platform/tenants')).body;
    expect(list.items.map((t: { id: string }) => t.id)).toContain(NEW_TENANT);
  });

  it('validates the opening form with clear messages', async () => {
    const badDates = await operator
      .post('/api/platform/tenants')
      .send({ ...opening, id: 'other-one', expiresAt: '2025-01-01T00:00:00+08:00' });
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.message).toContain('到期时间须晚于生效时间');
    const badId = await operator.post('/api/platform/tenants').send({ ...opening, id: 'Bad Id' });
    expect(badId.body.error.message).toContain('企业标识为 2-32 位小写字母、数字或短横线');
  });

  it('after the seat count goes down, concurrent 开启系统 still cannot exceed it', async () => {
    await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 5 }).expect(200);
    await StaffModel.insertMany(
      ['m1', 'm2', 'm3', 'm4', 'm5'].map((userid, i) => ({
        tenantId: NEW_TENANT,
        userid,
        name: `成员${i}`,
        mobile: `1370000009${i}`,
      })),
    );
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000081', password: 'NewAdmin@123' }).expect(200);
    const access = (userid: string, enabled: boolean) =>
      admin.put(`/api/org/staff/${userid}/system-access`).send({ enabled });
    for (const userid of ['m1', 'm2', 'm3', 'm4']) await access(userid, true).expect(200);
    // Seats 1 and 2 are freed; m3 holds 3 and m4 holds 4 (the super admin holds none).
    await access('m1', false).expect(200);
    await access('m2', false).expect(200);

    await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 2 }).expect(200);
    const answers = await Promise.all([access('m5', true), access('m1', true)]);
    expect(answers.map((a) => a.status)).toEqual([409, 409]);
    expect((await admin.get('/api/org/seats')).body).toMatchObject({ used: 2, total: 2 });
    await access('m3', false).expect(200);
    await access('m4', false).expect(200);
    await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 1 }).expect(200);
  });

  it('changes seats and validity, never below the seats in use; an expired tenant cannot log in', async () => {
    const tooFew = await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 0 });
    expect(tooFew.status).toBe(400);
    const more = await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 5 });
    expect(more.body).toMatchObject({ seats: 5, seatsUsed: 0 });
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000081', password: 'NewAdmin@123' }).expect(200);
    for (const userid of ['m1', 'm2']) {
      await admin.put(`/api/org/staff/${userid}/system-access`).send({ enabled: true }).expect(200);
    }
    const belowUsed = await operator.patch(`/api/platform/tenants/${NEW_TENANT}`).send({ seats: 1 });
    expect(belowUsed.status).toBe(409);
    expect(belowUsed.body.error.message).toBe('可使用数量不能少于已开启账号数量');

    await operator
      .patch(`/api/platform/tenants/${NEW_TENANT}`)
      .send({ effectiveAt: '2020-01-01T00:00:00+08:00', expiresAt: '2021-01-01T00:00:00+08:00' })
      .expect(200);
    const expired = await request(app.baseUrl)
      .post('/api/auth/login')
      .send({ phone: '13700000081', password: 'NewAdmin@123' });
    expect(expired.body.error.message).toBe('账号已到期，请联系商务');
    const unknown = await operator.patch('/api/platform/tenants/nobody').send({ seats: 3 });
    expect(unknown.status).toBe(404);
  });

  it('tells the console who is signed in, and logging out ends the operator session', async () => {
    const console = request.agent(app.baseUrl);
    expect((await console.get('/api/platform/auth/me')).status).toBe(401);
    await console
      .post('/api/platform/auth/login')
      .send({ username: 'operator', password: 'Operator@123' })
      .expect(204);
    expect((await console.get('/api/platform/auth/me')).body).toEqual({ username: 'operator', name: '运营' });
    await console.post('/api/platform/auth/logout').expect(204);
    expect((await console.get('/api/platform/auth/me')).status).toBe(401);
  });
});

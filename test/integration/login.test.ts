import request from 'supertest';
import { StaffModel } from '../../lib/models/staff.model';
import { TenantModel } from '../../lib/models/tenant.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('login');

describe('login (R-1.2.x)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('login');
    const corp = await simulator.createCorp('登录测试企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000001' });
    await StaffModel.create({ tenantId: TENANT, userid: 'off', name: '未开通', mobile: '13700000002' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  const login = (phone: string, password: string) =>
    request(app.baseUrl).post('/api/auth/login').send({ phone, password });

  it('says 请输入注册手机号码 for a number that is not in the staff list', async () => {
    const response = await login('13999999999', 'whatever');
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('请输入注册手机号码');
  });

  it('says 号码失效，请联系管理员 for staff without 开启系统', async () => {
    const response = await login('13700000002', 'whatever');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('号码失效，请联系管理员');
  });

  it('says 密码输入有误 for a wrong password', async () => {
    const response = await login('13700000001', 'wrong-password');
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('密码输入有误');
  });

  it('rejects empty fields with a Chinese message and never crashes on bad bodies', async () => {
    const empty = await login('', '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('请输入手机号');
    const garbage = await request(app.baseUrl)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{not json');
    expect(garbage.status).toBe(400);
  });

  it('logs in with 登录成功, keeps the session in an HttpOnly cookie, and logs out', async () => {
    const agent = request.agent(app.baseUrl);
    const response = await agent
      .post('/api/auth/login')
      .send({ phone: '13700000001', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.message).toBe('登录成功');
    expect(String(response.headers['set-cookie'])).toMatch(/scrm_session=.*HttpOnly/);
    expect(response.body).not.toHaveProperty('user.passwordHash');

    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('管理员');
    expect(me.body.tenant.corpName).toBe('登录测试企业');

    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses every login once the tenant has expired', async () => {
    await TenantModel.updateOne({ _id: TENANT }, { $set: { expiresAt: new Date('2020-01-01T00:00:00Z') } });
    try {
      const response = await login('13700000001', ADMIN_PASSWORD);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe('账号已到期，请联系商务');
    } finally {
      await TenantModel.updateOne({ _id: TENANT }, { $set: { expiresAt: new Date('2099-01-01T00:00:00Z') } });
    }
  });

  it('locks a number for 15 minutes after 5 wrong passwords, even with the right one', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await login('13700000001', `wrong-${i}`)).body.error.message).toBe('密码输入有误');
    }
    const locked = await login('13700000001', ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('密码错误次数过多，请 15 分钟后再试');
  });
});

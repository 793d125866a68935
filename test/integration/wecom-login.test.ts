import request from 'supertest';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { StaffModel } from '../../lib/models/staff.model';
import { TenantModel } from '../../lib/models/tenant.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator, type SimCorp } from '../support/sim-client';
import { createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('qr');

describe('扫码登录 through WeCom web login (I-09)', () => {
  let app: TestApp;
  let corp: SimCorp;

  beforeAll(async () => {
    app = await startTestApp('wecom-login');
    corp = await simulator.createCorp('扫码登录企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    for (const [userid, mobile] of [
      ['admin', '13700000301'],
      ['lina', '13700000302'],
      ['off', '13700000303'],
      ['notsynced', '13700000304'],
    ]) {
      await simulator.addUser(corp.corpId, { userid, name: userid, mobile, department: [1] });
    }
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000301' });
    await StaffModel.create({ tenantId: TENANT, userid: 'off', name: '未开通', mobile: '13700000303' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** The browser's side: start, get sent to WeCom, come back. Answers the agent and the final redirect. */
  async function scanAs(scanner: { userid?: string; nonMember?: true; decline?: true }) {
    const browser = request.agent(app.baseUrl);
    const start = await browser.get('/api/auth/wecom/start').query({ corpId: corp.corpId });
    expect(start.status).toBe(302);
    const { location } = await simulator.scanLogin({ url: start.headers.location, ...scanner });
    const back = new URL(location);
    expect(`${back.origin}${back.pathname}`).toBe(`${app.baseUrl}/api/auth/wecom/callback`);
    const finish = await browser.get(`${back.pathname}${back.search}`);
    expect(finish.status).toBe(302);
    return { browser, finish, callbackPath: `${back.pathname}${back.search}` };
  }

  const qrError = (location: string) => new URL(location, 'http://x').searchParams.get('qrError');

  it('sends the browser to WeCom web login with the corp, the app, our callback and a state', async () => {
    const start = await request(app.baseUrl).get('/api/auth/wecom/start').query({ corpId: corp.corpId });
    const url = new URL(start.headers.location);
    expect(url.pathname).toBe('/wwlogin/sso/login');
    expect(url.searchParams.get('login_type')).toBe('CorpApp');
    expect(url.searchParams.get('appid')).toBe(corp.corpId);
    expect(url.searchParams.get('agentid')).toBe(String(corp.appAgentId));
    expect(url.searchParams.get('redirect_uri')).toBe(`${app.baseUrl}/api/auth/wecom/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/);
    expect(start.headers['set-cookie']?.[0]).toMatch(/scrm_wecom_login=.*HttpOnly/);
  });

  it('logs a 开启系统 member in with the same session cookie as the password login, and audits it', async () => {
    const { browser, finish } = await scanAs({ userid: 'admin' });
    expect(finish.headers.location).toBe('/');
    expect(String(finish.headers['set-cookie'])).toMatch(/scrm_session=/);
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.userid).toBe('admin');
    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'login' }).sort({ at: -1 }).lean();
    expect(audit?.after).toEqual({ method: 'wecom-qr' });
  });

  it('refuses staff without 开启系统 with 号码失效，请联系管理员', async () => {
    const { finish } = await scanAs({ userid: 'off' });
    expect(qrError(finish.headers.location)).toBe('号码失效，请联系管理员');
    expect(String(finish.headers['set-cookie'] ?? '')).not.toMatch(/scrm_session=[^;]/);
  });

  it('refuses a member who is not in the staff list, and a non-member (openid)', async () => {
    expect(qrError((await scanAs({ userid: 'notsynced' })).finish.headers.location)).toBe(
      '您不在员工列表中，请联系管理员',
    );
    expect(qrError((await scanAs({ nonMember: true })).finish.headers.location)).toBe(
      '您不在员工列表中，请联系管理员',
    );
  });

  it('says 已取消扫码登录 when the scan is declined', async () => {
    expect(qrError((await scanAs({ decline: true })).finish.headers.location)).toBe('已取消扫码登录');
  });

  it('refuses a code used twice (40029) and a callback from another browser (state)', async () => {
    const { browser, callbackPath } = await scanAs({ userid: 'admin' });
    // Same code again in a browser that started a new login: the state no longer matches either.
    const replay = await request(app.baseUrl).get(callbackPath);
    expect(qrError(replay.headers.location)).toBe('登录请求已失效，请重新扫码');

    const start = await browser.get('/api/auth/wecom/start').query({ corpId: corp.corpId });
    const state = new URL(start.headers.location).searchParams.get('state');
    const code = new URL(callbackPath, 'http://x').searchParams.get('code');
    const reused = await browser.get('/api/auth/wecom/callback').query({ code, state });
    expect(qrError(reused.headers.location)).toBe('二维码已失效，请重新扫码');
  });

  it('says so for an unknown 企业ID and for an expired tenant', async () => {
    const unknown = await request(app.baseUrl)
      .get('/api/auth/wecom/start')
      .query({ corpId: 'ww0000000000000000' });
    expect(qrError(unknown.headers.location)).toBe('未找到该企业ID对应的企业，请核对企业ID');

    await TenantModel.updateOne({ _id: TENANT }, { $set: { expiresAt: new Date('2026-01-02T00:00:00Z') } });
    try {
      expect(qrError((await scanAs({ userid: 'admin' })).finish.headers.location)).toBe(
        '账号已到期，请联系商务',
      );
    } finally {
      await TenantModel.updateOne({ _id: TENANT }, { $set: { expiresAt: new Date('2099-01-01T00:00:00Z') } });
    }
  });

  it('after a first 扫码登录, a member sets a password and then logs in with it; changing it needs the old one (I-10)', async () => {
    await StaffModel.updateOne(
      { tenantId: TENANT, userid: 'lina' },
      { $set: { name: '李娜', mobile: '13700000302', systemEnabled: true } },
      { upsert: true },
    );
    const { browser, finish } = await scanAs({ userid: 'lina' });
    expect(finish.headers.location).toBe('/');
    const other = await scanAs({ userid: 'lina' });

    await browser.put('/api/auth/password').send({ newPassword: 'short' }).expect(400);
    await browser.put('/api/auth/password').send({ newPassword: 'Lina@2026x' }).expect(204);
    // Still signed in here (fresh cookie); the other browser's session ended.
    await browser.get('/api/auth/me').expect(200);
    await other.browser.get('/api/auth/me').expect(401);

    const login = await request(app.baseUrl)
      .post('/api/auth/login')
      .send({ phone: '13700000302', password: 'Lina@2026x' });
    expect(login.status).toBe(200);

    const missing = await browser.put('/api/auth/password').send({ newPassword: 'Lina@2027x' });
    expect(missing.body.error.message).toBe('请输入当前密码');
    const wrong = await browser
      .put('/api/auth/password')
      .send({ currentPassword: 'nope', newPassword: 'Lina@2027x' });
    expect(wrong.body.error.message).toBe('当前密码输入有误');
    await browser
      .put('/api/auth/password')
      .send({ currentPassword: 'Lina@2026x', newPassword: 'Lina@2027x' })
      .expect(204);
    const audit = await AuditLogModel.find({ tenantId: TENANT, action: 'password.change' })
      .sort({ _id: 1 })
      .lean();
    expect(audit.map((row) => row.before)).toEqual([{ passwordSet: false }, { passwordSet: true }]);
  });
});

import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import { CallbackInboxModel } from '../../lib/models/callback-inbox.model';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const CROSS_SITE_MESSAGE = '拒绝来自其他网站的请求，请在本系统页面中操作';
const EVIL = 'https://evil.example.net';

/** The Set-Cookie line of one cookie, split into its attributes. */
function cookieAttributes(response: request.Response, name: string): string[] {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const line = lines.find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(lines)}`);
  return line.split(';').map((part) => part.trim());
}

async function createOperator() {
  await PlatformAdminModel.create({
    _id: 'operator',
    name: '运营',
    passwordHash: await hashPassword('Operator@123'),
  });
}

describe('the api over http: security headers, cross-site writes, cookie flags (issue 18)', () => {
  const TENANT = freshTenantId('sec');
  const PHONE = '13700000181';
  let app: TestApp;
  let corp: SimCorp;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('http-security');
    corp = await simulator.createCorp('安全测试企业');
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await createOperator();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const login = () => ({ phone: PHONE, password: ADMIN_PASSWORD });

  it('puts the security headers on an api answer and on the admin’s index.html, and no X-Powered-By', async () => {
    const jssdk = new URL(app.config.wecomJssdkUrl).origin;
    const expectedCsp =
      `default-src 'self'; script-src 'self' ${jssdk}; style-src 'self' 'unsafe-inline'; ` +
      "img-src 'self' data: blob: http: https:; font-src 'self' data:; media-src 'self' blob:; " +
      `connect-src 'self' ${jssdk}; object-src 'none'; base-uri 'self'; form-action 'self'; ` +
      "frame-ancestors 'self'";
    const api = await request(app.baseUrl).get('/api/health');
    const admin = await request(app.baseUrl).get('/customer/customers');
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('<app-root>');
    for (const response of [api, admin]) {
      expect(response.headers['content-security-policy']).toBe(expectedCsp);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers).not.toHaveProperty('x-powered-by');
      // Plain http, and PUBLIC_URL is http: no HSTS.
      expect(response.headers).not.toHaveProperty('strict-transport-security');
    }
  });

  it('the built admin has no inline script or event handler for the CSP to block', async () => {
    const index = (await request(app.baseUrl).get('/')).text;
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/\son[a-z]+=/i);
  });

  it('sends HSTS when the trusted proxy says the request came over TLS', async () => {
    const response = await request(app.baseUrl).get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(response.headers['strict-transport-security']).toBe('max-age=15552000');
  });

  it('refuses a state-changing request from another site with a Chinese message', async () => {
    const foreign = [
      { Origin: EVIL },
      { Referer: `${EVIL}/trap.html` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
    ];
    for (const headers of foreign) {
      const response = await request(app.baseUrl).post('/api/auth/login').set(headers).send(login());
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: 'CROSS_SITE_REQUEST', message: CROSS_SITE_MESSAGE } });
      expect(response.headers).not.toHaveProperty('set-cookie');
    }
    // A signed-in browser's session does not help the foreign page either, on any state-changing method.
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send(login()).expect(200);
    for (const refused of [
      admin.post('/api/auth/logout'),
      admin.put('/api/auth/password').send({}),
      admin.patch('/api/tags/corp-groups/none').send({}),
      admin.delete('/api/tags/corp-tags/none'),
    ]) {
      const response = await refused.set('Origin', EVIL);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('CROSS_SITE_REQUEST');
    }
    // Reading is not refused: a cross-site page cannot read the answer anyway (no CORS).
    expect((await admin.get('/api/auth/me').set('Origin', EVIL)).status).toBe(200);
  });

  it('accepts a same-origin request and one without Origin or Referer (curl, scripts)', async () => {
    const sameOrigin = await request(app.baseUrl)
      .post('/api/auth/login')
      .set({ Origin: app.baseUrl, 'Sec-Fetch-Site': 'same-origin' })
      .send(login());
    expect(sameOrigin.status).toBe(200);
    const byReferer = await request(app.baseUrl)
      .post('/api/auth/login')
      .set('Referer', `${app.baseUrl}/login`)
      .send(login());
    expect(byReferer.status).toBe(200);
    const noOrigin = await request(app.baseUrl).post('/api/auth/login').send(login());
    expect(noOrigin.status).toBe(200);
  });

  it('keeps WeCom’s callbacks working: URL verification and an event delivered and stored', async () => {
    const { contacts } = await ensureCallbackSettings(TENANT);
    const saved = await simulator.setContactsCallback(corp.corpId, {
      url: `${app.baseUrl}/wecom/callback/${TENANT}/contacts`,
      token: contacts.token,
      encodingAesKey: contacts.aesKey,
    });
    expect(saved.verified).toBe(true);
    await simulator.addDepartment(corp.corpId, { id: 18, name: '安全部', parentid: 1 });
    await eventually(async () => {
      const { deliveries } = await simulator.deliveries(corp.corpId);
      return deliveries.at(-1)?.status === 'delivered';
    });
    expect(await CallbackInboxModel.countDocuments({ tenantId: TENANT })).toBeGreaterThan(0);
  });

  it('marks the session cookies HttpOnly and SameSite=Lax, not Secure over http', async () => {
    const session = await request(app.baseUrl).post('/api/auth/login').send(login());
    const platform = await request(app.baseUrl)
      .post('/api/platform/auth/login')
      .send({ username: 'operator', password: 'Operator@123' });
    const pending = await request(app.baseUrl).get('/api/auth/wecom/start').query({ corpId: corp.corpId });
    for (const [response, name] of [
      [session, 'scrm_session'],
      [platform, 'scrm_platform'],
      [pending, 'scrm_wecom_login'],
    ] as const) {
      const attributes = cookieAttributes(response, name);
      expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax']));
      expect(attributes).not.toContain('Secure');
    }
  });
});

describe('the api behind TLS (PUBLIC_URL is https): Secure cookies and HSTS', () => {
  const TENANT = freshTenantId('sec-tls');
  const PHONE = '13700000182';
  let app: TestApp;
  let corp: SimCorp;

  beforeAll(async () => {
    app = await startTestApp('http-security-tls', { PUBLIC_URL: 'https://scrm.example.test' });
    corp = await simulator.createCorp('安全测试企业TLS');
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await createOperator();
  });

  afterAll(async () => {
    await app?.stop();
  });

  // As the TLS-terminating proxy in front of the api forwards a browser's request.
  const viaProxy = { 'X-Forwarded-Proto': 'https' };

  it('marks every session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const session = await request(app.baseUrl)
      .post('/api/auth/login')
      .set({ ...viaProxy, Origin: 'https://scrm.example.test' })
      .send({ phone: PHONE, password: ADMIN_PASSWORD });
    expect(session.status).toBe(200);
    const platform = await request(app.baseUrl)
      .post('/api/platform/auth/login')
      .set(viaProxy)
      .send({ username: 'operator', password: 'Operator@123' });
    const pending = await request(app.baseUrl)
      .get('/api/auth/wecom/start')
      .set(viaProxy)
      .query({ corpId: corp.corpId });
    for (const [response, name, path] of [
      [session, 'scrm_session', '/'],
      [platform, 'scrm_platform', '/'],
      [pending, 'scrm_wecom_login', '/api/auth/wecom'],
    ] as const) {
      expect(cookieAttributes(response, name)).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Secure', `Path=${path}`]),
      );
    }
    expect(session.headers['strict-transport-security']).toBe('max-age=15552000');
  });
});

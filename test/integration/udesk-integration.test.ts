import request from 'supertest';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { UdeskIntegrationModel } from '../../lib/models/udesk-integration.model';
import { createKeyring, generateKey, isSealed, keyIdOfSealed, parseKey } from '../../lib/secrets/secret-box';
import { rotateUdeskSecrets } from '../../lib/udesk/rotate-udesk-secrets';
import { loadUdeskIntegration } from '../../lib/udesk/udesk-integration-store';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';
import { createUdeskCompany, udeskBaseUrl, type SimUdeskCompany } from '../support/udesk-sim';

const TENANT = freshTenantId('udesk');
const OTHER_TENANT = freshTenantId('udesk-other');
const ADMIN_MOBILE = '13700000811';
const OTHER_MOBILE = '13700000812';

/** 系统对接 → 对接 Udesk (R-7.5-01..03, I-109), against the simulator's Udesk. */
describe('系统对接: Udesk', () => {
  let app: TestApp;
  let udesk: SimUdeskCompany;
  let admin: ReturnType<typeof request.agent>;
  let other: ReturnType<typeof request.agent>;

  const form = () => ({ domain: udesk.domain, adminEmail: udesk.adminEmail, apiToken: udesk.apiToken });
  /** Every answer of these routes, as text: the token must never be in one. */
  const seen: string[] = [];
  const keep = (response: request.Response) => {
    seen.push(response.text);
    return response;
  };

  beforeAll(async () => {
    app = await startTestApp('udesk-integration', { UDESK_BASE_URL: udeskBaseUrl() });
    udesk = await createUdeskCompany(`it-${Date.now().toString(36)}.udesk.cn`, 'admin@udesk-it.cn');
    await createTenant(TENANT, 'Udesk对接企业', { adminMobile: ADMIN_MOBILE });
    await createTenant(OTHER_TENANT, '另一家企业', { adminMobile: OTHER_MOBILE });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    other = request.agent(app.baseUrl);
    await other.post('/api/auth/login').send({ phone: OTHER_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists one card, UDESK, 未开启 until it is set up', async () => {
    const cards = keep(await admin.get('/api/integrations').expect(200));
    expect(cards.body).toEqual({
      items: [{ system: 'udesk', name: 'UDESK', enabled: false, configured: false }],
    });
    const detail = keep(await admin.get('/api/integrations/udesk').expect(200));
    expect(detail.body).toEqual({
      enabled: false,
      configured: false,
      domain: '',
      adminEmail: '',
      apiToken: null,
      updatedAt: null,
    });
  });

  it('shows Udesk’s own error for a wrong token or email, in Chinese, and saves nothing', async () => {
    const wrongToken = keep(
      await admin.put('/api/integrations/udesk').send({ ...form(), apiToken: 'not-the-token' }),
    );
    expect(wrongToken.status).toBe(422);
    expect(wrongToken.body).toEqual({
      error: {
        code: 'UDESK_REJECTED',
        message: 'Udesk校验未通过（Udesk返回 2005 签名验证失败），请检查超管邮箱和API鉴权Token',
      },
      udesk: { code: 2005, message: '签名验证失败' },
    });
    const wrongEmail = keep(
      await admin.put('/api/integrations/udesk').send({ ...form(), adminEmail: 'someone@udesk-it.cn' }),
    );
    expect(wrongEmail.status).toBe(422);
    expect(wrongEmail.body.udesk).toEqual({ code: 2004, message: '管理员邮箱不存在' });

    // A domain where no Udesk answers: said as such, not as Udesk's refusal.
    const nowhere = keep(
      await admin.put('/api/integrations/udesk').send({ ...form(), domain: 'nobody.udesk.cn' }),
    );
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.message).toMatch(
      /^无法访问Udesk域名 nobody\.udesk\.cn（.+），请检查Udesk域名$/,
    );
    expect(nowhere.body.udesk).toBeNull();

    expect(await UdeskIntegrationModel.countDocuments({ tenantId: TENANT })).toBe(0);
    expect(await AuditLogModel.countDocuments({ tenantId: TENANT, action: 'udesk-integration.update' })).toBe(
      0,
    );
  });

  it('refuses a domain that is not a host name, and a malformed email, before calling Udesk', async () => {
    for (const domain of ['http://127.0.0.1:3000', 'localhost', 'demo.udesk.cn/path', '']) {
      const response = keep(await admin.put('/api/integrations/udesk').send({ ...form(), domain }));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/Udesk域名/);
    }
    const email = keep(
      await admin.put('/api/integrations/udesk').send({ ...form(), adminEmail: 'not-an-email' }),
    );
    expect(email.status).toBe(400);
    expect(email.body.error.message).toMatch(/^请输入正确的超管邮箱/);
    const noToken = keep(await admin.put('/api/integrations/udesk').send({ ...form(), apiToken: '' }));
    expect(noToken.status).toBe(400);
    expect(noToken.body.error.message).toBe('请输入API鉴权Token');
  });

  it('saves the right credentials switched on (已开启), the token sealed at rest and masked everywhere', async () => {
    const saved = keep(
      await admin
        .put('/api/integrations/udesk')
        .send({ ...form(), domain: ` ${udesk.domain.toUpperCase()} ` })
        .expect(200),
    );
    expect(saved.body).toEqual({
      enabled: true,
      configured: true,
      domain: udesk.domain,
      adminEmail: udesk.adminEmail,
      apiToken: `********${udesk.apiToken.slice(-4)}`,
      updatedAt: expect.any(String),
    });
    const cards = keep(await admin.get('/api/integrations').expect(200));
    expect(cards.body.items[0]).toMatchObject({ name: 'UDESK', enabled: true, configured: true });

    const raw = await UdeskIntegrationModel.findOne({ tenantId: TENANT, _id: TENANT }).lean();
    expect(isSealed(raw!.apiToken)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain(udesk.apiToken);
    expect((await loadUdeskIntegration(TENANT))?.apiToken).toBe(udesk.apiToken);

    const audit = await AuditLogModel.findOne({
      tenantId: TENANT,
      action: 'udesk-integration.update',
    }).lean();
    expect(audit?.after).toEqual({
      domain: udesk.domain,
      adminEmail: udesk.adminEmail,
      apiToken: `********${udesk.apiToken.slice(-4)}`,
      enabled: true,
    });
    expect(JSON.stringify(audit)).not.toContain(udesk.apiToken);
  });

  it('keeps the saved token when 确定 is pressed with the token left empty, and checks it again', async () => {
    const resaved = keep(
      await admin
        .put('/api/integrations/udesk')
        .send({ ...form(), apiToken: '' })
        .expect(200),
    );
    expect(resaved.body.apiToken).toBe(`********${udesk.apiToken.slice(-4)}`);
    // A wrong token now leaves the saved one as it was.
    await admin
      .put('/api/integrations/udesk')
      .send({ ...form(), apiToken: 'wrong' })
      .expect(422);
    expect((await loadUdeskIntegration(TENANT))?.apiToken).toBe(udesk.apiToken);
  });

  it('switches off and on again, keeping the credentials, each change audited', async () => {
    const off = keep(await admin.put('/api/integrations/udesk/enabled').send({ enabled: false }).expect(200));
    expect(off.body).toMatchObject({ enabled: false, configured: true, domain: udesk.domain });
    expect((await admin.get('/api/integrations').expect(200)).body.items[0].enabled).toBe(false);
    const on = keep(await admin.put('/api/integrations/udesk/enabled').send({ enabled: true }).expect(200));
    expect(on.body.enabled).toBe(true);
    // In the order they were made: a table's natural order is not (a reused table fills freed space first).
    const switches = await AuditLogModel.find({
      tenantId: TENANT,
      action: 'udesk-integration.switch',
    })
      .sort({ _id: 1 })
      .lean();
    expect(switches.map((row) => row.after)).toEqual([{ enabled: false }, { enabled: true }]);
    const bad = await admin.put('/api/integrations/udesk/enabled').send({ enabled: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('is the tenant’s own: another tenant sees nothing of it and cannot switch it', async () => {
    const cards = keep(await other.get('/api/integrations').expect(200));
    expect(cards.body.items[0]).toMatchObject({ enabled: false, configured: false });
    const detail = keep(await other.get('/api/integrations/udesk').expect(200));
    expect(detail.body).toMatchObject({ configured: false, domain: '', apiToken: null });
    const switched = await other.put('/api/integrations/udesk/enabled').send({ enabled: true });
    expect(switched.status).toBe(400);
    expect(switched.body.error.message).toBe('请先完成Udesk基本设置');
    expect((await loadUdeskIntegration(TENANT))?.enabled).toBe(true);
    expect(await UdeskIntegrationModel.countDocuments({ tenantId: OTHER_TENANT })).toBe(0);
  });

  it('never hands the token to the browser', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) expect(text).not.toContain(udesk.apiToken);
  });

  it('is re-sealed by rotate-secrets under the new key and still opens; a second run changes nothing', async () => {
    const oldKey = parseKey(process.env.SECRETS_KEY as string, 'SECRETS_KEY');
    const keyring = createKeyring(parseKey(generateKey(), 'new key'), [oldKey]);
    expect(await rotateUdeskSecrets(keyring)).toEqual({ tenants: 1, resealed: 1 });
    const raw = await UdeskIntegrationModel.findOne({ tenantId: TENANT, _id: TENANT }).lean();
    expect(keyIdOfSealed(raw!.apiToken)).toBe(keyring.currentKeyId);
    expect((await loadUdeskIntegration(TENANT, keyring))?.apiToken).toBe(udesk.apiToken);
    expect(await rotateUdeskSecrets(keyring)).toEqual({ tenants: 0, resealed: 0 });
    // Back under the process's key, for anything that reads it after this test.
    await rotateUdeskSecrets(createKeyring(oldKey, [keyring.keys.get(keyring.currentKeyId)!]));
  });
});

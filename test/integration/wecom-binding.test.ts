import { generateKeyPairSync } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { inspectArchivePrivateKey, publicKeyFingerprint } from '../../lib/wecom/archive-key';
import { CallbackInboxModel } from '../../lib/models/callback-inbox.model';
import { ensureCallbackSettings, loadBinding, saveBinding } from '../../lib/wecom/binding-store';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('bind');
const ADMIN_MOBILE = '13700000401';

function rsaKeyPair(bits = 2048): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: bits,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}

const rsaPrivateKey = (bits = 2048) => rsaKeyPair(bits).privateKey;
/** The archive key pair of the corp: the public half goes to WeCom, the private half into the form. */
const ARCHIVE_KEY = rsaKeyPair();

describe('企微绑定 (R-7.4-02/03, I-107)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: ReturnType<typeof request.agent>;

  const fullForm = () => ({
    corpId: corp.corpId,
    contactsSecret: corp.secrets.contacts,
    externalContactSecret: corp.secrets.externalContact,
    archiveSecret: corp.secrets.archive,
    archiveKeys: [{ version: 1, privateKey: ARCHIVE_KEY.privateKey }],
    appName: '微丰SCRM',
    agentId: corp.appAgentId,
    appSecret: corp.secrets.app,
  });

  beforeAll(async () => {
    app = await startTestApp('wecom-binding');
    corp = await simulator.createCorp('绑定测试企业');
    await createTenant(TENANT, '绑定测试企业', { adminMobile: ADMIN_MOBILE });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows generated callback settings before anything is bound: Token 32 and EncodingAESKey 43 alphanumerics', async () => {
    const response = await admin.get('/api/wecom/binding').expect(200);
    expect(response.body.bound).toBe(false);
    for (const source of ['contacts', 'customers'] as const) {
      expect(response.body[source].token).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(response.body[source].encodingAesKey).toMatch(/^[A-Za-z0-9]{43}$/);
      expect(response.body[source].callbackUrl).toBe(`${app.baseUrl}/wecom/callback/${TENANT}/${source}`);
      expect(response.body[source].secret).toBeNull();
    }
    // The same settings on every read: the admin may already have copied them into WeCom.
    const again = await admin.get('/api/wecom/binding');
    expect(again.body.contacts.token).toBe(response.body.contacts.token);
  });

  it('says which secret WeCom refused, with its errcode and errmsg, and saves nothing', async () => {
    const response = await admin
      .put('/api/wecom/binding')
      .send({ ...fullForm(), externalContactSecret: 'wrong-secret' });
    expect(response.status).toBe(422);
    expect(response.body.failures).toEqual([
      expect.objectContaining({
        field: 'externalContactSecret',
        errcode: 40001,
        errmsg: expect.stringContaining('invalid credential'),
      }),
    ]);
    expect(response.body.error.message).toContain('外部联系人密钥校验失败');
    expect(await loadBinding(TENANT)).toBeNull();
  });

  it('blames the 企业ID when WeCom does not know the corp (40013)', async () => {
    const response = await admin
      .put('/api/wecom/binding')
      .send({ ...fullForm(), corpId: 'ww0000000000000000' });
    expect(response.status).toBe(422);
    expect(response.body.failures).toEqual([expect.objectContaining({ field: 'corpId', errcode: 40013 })]);
  });

  it('refuses a 企业ID another tenant has bound', async () => {
    const other = freshTenantId('bind-other');
    const otherCorp = await simulator.createCorp('已被绑定的企业');
    await createTenant(other, '另一家', { adminMobile: '13700000403' });
    await saveBinding(other, {
      corpId: otherCorp.corpId,
      corpName: '另一家',
      appName: '',
      agentId: otherCorp.appAgentId,
      secrets: { ...otherCorp.secrets },
      archiveKeys: [],
    });
    const response = await admin.put('/api/wecom/binding').send({ ...fullForm(), corpId: otherCorp.corpId });
    expect(response.status).toBe(422);
    expect(response.body.failures).toEqual([
      expect.objectContaining({ field: 'corpId', message: '该企业ID已被其他账号绑定，请联系商务' }),
    ]);
  });

  it('checks the 网页应用ID against the app secret (40056) and the private key format', async () => {
    const wrongAgent = await admin.put('/api/wecom/binding').send({ ...fullForm(), agentId: 424242 });
    expect(wrongAgent.body.failures).toEqual([expect.objectContaining({ field: 'agentId', errcode: 40056 })]);
    const badKey = await admin
      .put('/api/wecom/binding')
      .send({ ...fullForm(), archiveKeys: [{ version: 1, privateKey: rsaPrivateKey(1024) }] });
    expect(badKey.body.failures).toEqual([
      expect.objectContaining({ field: 'archiveKeys', message: expect.stringContaining('2048') }),
    ]);
    const missing = await admin
      .put('/api/wecom/binding')
      .send({ corpId: corp.corpId, agentId: corp.appAgentId });
    expect(missing.status).toBe(422);
    expect(missing.body.failures.map((f: { message: string }) => f.message)).toContain('请输入通讯录密钥');
  });

  it('saves a binding that WeCom accepts, masks every secret and stores none of them in clear', async () => {
    const form = fullForm();
    const response = await admin.put('/api/wecom/binding').send(form).expect(200);
    expect(response.body.bound).toBe(true);
    expect(response.body.contacts.secret).toBe(`********${corp.secrets.contacts.slice(-4)}`);
    expect(response.body.archive.keys).toEqual([
      { version: 1, publicKeyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    const body = JSON.stringify(response.body);
    for (const secret of Object.values(corp.secrets)) expect(body).not.toContain(secret);

    const raw = JSON.stringify(
      await mongoose.connection.db!.collection('tenants').findOne({ _id: TENANT as never }),
    );
    const settings = await ensureCallbackSettings(TENANT);
    for (const clear of [
      ...Object.values(corp.secrets),
      form.archiveKeys[0].privateKey.split('\n')[1],
      settings.contacts.token,
      settings.contacts.aesKey,
      settings.customers.aesKey,
    ]) {
      expect(raw).not.toContain(clear);
    }
    expect(raw).toMatch(/"contactsSecret":"v1\.[0-9a-f]{12}\./);
  });

  it('keeps a saved secret when its field is left empty, and audits the change masked', async () => {
    const response = await admin
      .put('/api/wecom/binding')
      .send({ corpId: corp.corpId, agentId: corp.appAgentId, appName: '新名称' })
      .expect(200);
    expect(response.body.app.name).toBe('新名称');
    expect(response.body.archive.keys).toHaveLength(1);
    expect((await loadBinding(TENANT))?.secrets).toEqual(corp.secrets);

    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'wecom-binding.update' })
      .sort({ at: -1 })
      .lean();
    expect(audit?.before).toMatchObject({
      appName: '微丰SCRM',
      appSecret: `********${corp.secrets.app.slice(-4)}`,
    });
    expect(audit?.after).toMatchObject({ appName: '新名称' });
    expect(JSON.stringify(audit)).not.toContain(corp.secrets.app);
  });

  it('a refused save never touches the saved binding', async () => {
    await admin
      .put('/api/wecom/binding')
      .send({ corpId: corp.corpId, agentId: corp.appAgentId, contactsSecret: 'nope' })
      .expect(422);
    expect((await loadBinding(TENANT))?.secrets.contacts).toBe(corp.secrets.contacts);
  });

  it('answers the URL check and stores 客户联系 events on the customers callback', async () => {
    const { customers } = await ensureCallbackSettings(TENANT);
    const sign = (encrypted: string) => {
      const timestamp = '1700000000';
      const nonce = 'n1';
      return { msg_signature: getSignature(customers.token, timestamp, nonce, encrypted), timestamp, nonce };
    };
    const echostr = encrypt(customers.aesKey, 'hello-wecom', corp.corpId);
    const verify = await request(app.baseUrl)
      .get(`/wecom/callback/${TENANT}/customers`)
      .query({ ...sign(echostr), echostr });
    expect(verify.status).toBe(200);
    expect(verify.text).toBe('hello-wecom');

    const xml = `<xml><ToUserName><![CDATA[${corp.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[admin]]></UserID><ExternalUserID><![CDATA[wmAAAA]]></ExternalUserID></xml>`;
    const encrypted = encrypt(customers.aesKey, xml, corp.corpId);
    const body = `<xml><ToUserName><![CDATA[${corp.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
    for (let i = 0; i < 2; i += 1) {
      await request(app.baseUrl)
        .post(`/wecom/callback/${TENANT}/customers`)
        .query(sign(encrypted))
        .set('content-type', 'text/xml')
        .send(body)
        .expect(200);
    }
    const stored = await CallbackInboxModel.find({ tenantId: TENANT, source: 'customers' }).lean();
    expect(stored).toEqual([
      expect.objectContaining({ event: 'change_external_contact', status: 'received' }),
    ]);

    const forged = await request(app.baseUrl)
      .get(`/wecom/callback/${TENANT}/customers`)
      .query({ ...sign(echostr), msg_signature: '0'.repeat(40), echostr });
    expect(forged.status).toBe(403);
  });

  it('生成密钥对 hands out a PKCS#1 RSA 2048 pair the binding accepts, and stores nothing', async () => {
    const before = JSON.stringify(
      await mongoose.connection.db!.collection('tenants').findOne({ _id: TENANT as never }),
    );
    const { body } = await admin.post('/api/wecom/binding/archive-key-pair').expect(200);
    expect(body.publicKey).toMatch(/^-----BEGIN RSA PUBLIC KEY-----/);
    expect(body.privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(inspectArchivePrivateKey(body.privateKey).publicKeyFingerprint).toBe(
      publicKeyFingerprint(body.publicKey),
    );
    const after = JSON.stringify(
      await mongoose.connection.db!.collection('tenants').findOne({ _id: TENANT as never }),
    );
    expect(after).toBe(before);
  });

  it('the simulator verifies the customers callback URL and delivers a 客户联系 event into the inbox', async () => {
    const { customers } = await ensureCallbackSettings(TENANT);
    const saved = await simulator.setCustomersCallback(corp.corpId, {
      url: `${app.baseUrl}/wecom/callback/${TENANT}/customers`,
      token: customers.token,
      encodingAesKey: customers.aesKey,
    });
    expect(saved.verified).toBe(true);
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000404',
      department: [1],
    });
    const added = await simulator.addCustomer(corp.corpId, { userid: 'lina', name: '新客户', state: 'expo' });
    expect(added.delivery?.status).toBe('delivered');
    const stored = await CallbackInboxModel.find({ tenantId: TENANT, source: 'customers' }).lean();
    expect(stored.map((entry) => [entry.event, entry.changeType])).toContainEqual([
      'change_external_contact',
      'add_external_contact',
    ]);
  });

  describe('体检 (setup doctor)', () => {
    const statusOf = (items: Array<{ key: string; status: string; message: string }>) =>
      Object.fromEntries(items.map((item) => [item.key, item.status]));

    it('says ok for every item of a complete, reachable binding', async () => {
      await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1', visibility: { departments: [1] } });
      expect(await simulator.uploadArchivePublicKey(corp.corpId, ARCHIVE_KEY.publicKey)).toEqual({
        publickey_ver: 1,
      });
      await simulator.archiveText(corp.corpId, { from: 'admin', tolist: ['wmCustomer'], content: '你好' });
      const response = await admin.post('/api/wecom/binding/doctor').expect(200);
      expect(statusOf(response.body.items)).toEqual({
        'secret.contacts': 'ok',
        'secret.externalContact': 'ok',
        'secret.archive': 'ok',
        'secret.app': 'ok',
        'secret.contacts.permission': 'ok',
        'app.agent': 'ok',
        'app.visibility': 'ok',
        'app.redirectDomain': 'ok',
        'callback.contacts': 'ok',
        'callback.customers': 'ok',
        'archive.keys': 'ok',
        'archive.publicKeyVersion': 'ok',
      });
    });

    it('says what to fix: staff outside the visible range, a wrong trusted domain', async () => {
      await simulator.setApp(corp.corpId, {
        redirectDomain: 'scrm.example.com',
        visibility: { departments: [99] },
      });
      const { body } = await admin.post('/api/wecom/binding/doctor').expect(200);
      const byKey = Object.fromEntries(body.items.map((item: { key: string }) => [item.key, item]));
      expect(byKey['app.visibility']).toMatchObject({
        status: 'warn',
        message: expect.stringContaining('管理员'),
      });
      expect(byKey['app.redirectDomain']).toMatchObject({
        status: 'warn',
        message: expect.stringContaining('127.0.0.1'),
      });
      await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1', visibility: { departments: [1] } });
    });

    it('says when WeCom encrypts with a key version we lack, or a key that is not the pair', async () => {
      const rotated = rsaKeyPair();
      await simulator.uploadArchivePublicKey(corp.corpId, rotated.publicKey);
      await simulator.archiveText(corp.corpId, { from: 'admin', tolist: ['wmCustomer'], content: '新版本' });
      const missing = await admin.post('/api/wecom/binding/doctor').expect(200);
      const versionItem = (body: { items: Array<{ key: string }> }) =>
        body.items.find((item) => item.key === 'archive.publicKeyVersion');
      expect(versionItem(missing.body)).toMatchObject({
        status: 'error',
        message: expect.stringContaining('没有版本 2 的私钥'),
      });

      await admin
        .put('/api/wecom/binding')
        .send({
          corpId: corp.corpId,
          agentId: corp.appAgentId,
          archiveKeys: [{ version: 1 }, { version: 2, privateKey: rsaPrivateKey() }],
        })
        .expect(200);
      const mismatch = await admin.post('/api/wecom/binding/doctor').expect(200);
      expect(versionItem(mismatch.body)).toMatchObject({
        status: 'error',
        message: expect.stringContaining('不是一对'),
      });

      await admin
        .put('/api/wecom/binding')
        .send({
          corpId: corp.corpId,
          agentId: corp.appAgentId,
          archiveKeys: [{ version: 1 }, { version: 2, privateKey: rotated.privateKey }],
        })
        .expect(200);
      const fixed = await admin.post('/api/wecom/binding/doctor').expect(200);
      expect(versionItem(fixed.body)).toMatchObject({ status: 'ok' });
    });

    it('reports a secret reset in WeCom with the real errcode', async () => {
      const binding = (await loadBinding(TENANT))!;
      await saveBinding(TENANT, { ...binding, secrets: { ...binding.secrets, archive: 'reset-in-wecom' } });
      try {
        const { body } = await admin.post('/api/wecom/binding/doctor').expect(200);
        const archive = body.items.find((item: { key: string }) => item.key === 'secret.archive');
        expect(archive).toMatchObject({ status: 'error', message: expect.stringContaining('40001') });
      } finally {
        await saveBinding(TENANT, binding);
      }
    });
  });

  it('the health panel counts WeCom calls by errcode, token state, callback backlog and sync lag', async () => {
    const { body } = await admin.get('/api/wecom/health').expect(200);
    expect(body.calls.total).toBeGreaterThan(0);
    expect(body.calls.byErrcode).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ errcode: 0 }),
        expect.objectContaining({ errcode: 40001 }),
        expect.objectContaining({ errcode: 40013 }),
      ]),
    );
    expect(body.calls.errorRate).toBeGreaterThan(0);
    expect(body.calls.errorRate).toBeLessThan(1);
    expect(body.tokens.map((t: { secretKind: string }) => t.secretKind).sort()).toEqual([
      'app',
      'archive',
      'contacts',
      'externalContact',
    ]);
    expect(body.tokens[0]).toMatchObject({ state: 'cached', expiresInSeconds: expect.any(Number) });
    expect(body.rateLimit).toMatchObject({ perMinuteLimit: 10000, perHourLimit: 150000 });
    expect(body.rateLimit.headroomPercent).toBeGreaterThan(99);
    expect(body.inbox).toMatchObject({ backlog: 2, failed: 0, oldestPendingAt: expect.any(String) });
    expect(body.syncs.map((sync: { kind: string }) => sync.kind)).toEqual([
      'org',
      'customers',
      'customer-groups',
      'corp-tags',
    ]);
    expect(body.syncs[0]).toMatchObject({ lastSuccessAt: null, lagSeconds: null, retryAt: null });
  });

  it('platform operators see the same health panel per tenant, and only they', async () => {
    await PlatformAdminModel.create({
      _id: 'op-health',
      name: '运营',
      passwordHash: await hashPassword('Operator@123'),
    });
    const operator = request.agent(app.baseUrl);
    await operator
      .post('/api/platform/auth/login')
      .send({ username: 'op-health', password: 'Operator@123' })
      .expect(204);
    const { body } = await operator.get(`/api/platform/tenants/${TENANT}/wecom-health`).expect(200);
    expect(body.calls.total).toBeGreaterThan(0);
    expect(body.inbox.backlog).toBe(2);
    await operator.get('/api/platform/tenants/no-such-tenant/wecom-health').expect(404);
    expect((await admin.get(`/api/platform/tenants/${TENANT}/wecom-health`)).status).toBe(401);
  });
});

import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('doctor-dead');

describe('体检 when WeCom cannot reach our callback URLs', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Nobody answers on this PUBLIC_URL: as if the reverse proxy or the DNS name were wrong.
    app = await startTestApp('wecom-doctor-unreachable', { PUBLIC_URL: 'http://127.0.0.1:9' });
    const corp = await simulator.createCorp('回调不可达企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000402' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says each callback URL is unreachable and what to check, and that no archive key is saved', async () => {
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000402', password: ADMIN_PASSWORD }).expect(200);
    const { body } = await admin.post('/api/wecom/binding/doctor').expect(200);
    const byKey = Object.fromEntries(body.items.map((item: { key: string }) => [item.key, item]));
    for (const key of ['callback.contacts', 'callback.customers']) {
      expect(byKey[key]).toMatchObject({ status: 'error', message: expect.stringContaining('PUBLIC_URL') });
    }
    expect(byKey['archive.keys']).toMatchObject({
      status: 'error',
      message: expect.stringContaining('私钥'),
    });
    expect(byKey['secret.contacts']).toMatchObject({ status: 'ok' });
  });
});

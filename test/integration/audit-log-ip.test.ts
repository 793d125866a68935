import request from 'supertest';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('audit-ip');
const PHONE = '13700000091';

/** 操作日志's IP column reads as people write addresses: `127.0.0.1`, never `::ffff:127.0.0.1`. */
describe('the client IP of 操作日志', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('audit-log-ip');
    await createTenant(TENANT, '日志IP企业', { adminMobile: PHONE });
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** A login through a proxy on a dual-stack socket, which forwards the client as IPv4-mapped IPv6. */
  async function logInFrom(forwardedFor: string) {
    const agent = request.agent(app.baseUrl);
    await agent
      .post('/api/auth/login')
      .set('x-forwarded-for', forwardedFor)
      .send({ phone: PHONE, password: ADMIN_PASSWORD })
      .expect(200);
    return agent;
  }

  it('stores an IPv4-mapped client address as the IPv4 address, and IPv6 as it is', async () => {
    await logInFrom('::ffff:10.1.2.3');
    await logInFrom('2001:db8::7');
    const logins = await AuditLogModel.find({ tenantId: TENANT, action: 'login' }).sort({ at: 1 }).lean();
    expect(logins.map((row) => row.ip)).toEqual(['10.1.2.3', '2001:db8::7']);
  });

  it('shows rows stored before that with the IPv4 address too', async () => {
    await AuditLogModel.create({
      tenantId: TENANT,
      at: new Date('2026-01-02T03:04:05Z'),
      action: 'login',
      actor: { staffId: 'older', name: '老记录' },
      ip: '::ffff:127.0.0.1',
    });
    const admin = await logInFrom('192.168.1.20');
    const page = (await admin.get('/api/audit-logs').query({ action: 'login', pageSize: 50 })).body;
    const older = page.items.find((item: { actor: { name: string } }) => item.actor.name === '老记录');
    expect(older.ip).toBe('127.0.0.1');
    expect(page.items[0].ip).toBe('192.168.1.20');
  });
});

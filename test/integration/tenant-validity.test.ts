import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { TenantModel } from '../../lib/models/tenant.model';
import { ensureOrgSyncSchedule } from '../../lib/temporal/org-sync-schedule';
import { orgSyncScheduleId, tenantValidityWorkflowId } from '../../lib/temporal/workflow-ids';
import { startTestApp, eventually, type TestApp } from '../support/app-harness';
import { freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('validity');

describe('tenant validity as a durable timer (I-13, R-7.1.4-04)', () => {
  let app: TestApp;
  let operator: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('tenant-validity');
    await app.startWorker();
    await PlatformAdminModel.create({
      _id: 'operator',
      name: '运营',
      passwordHash: await hashPassword('Operator@123'),
    });
    operator = request.agent(app.baseUrl);
    await operator
      .post('/api/platform/auth/login')
      .send({ username: 'operator', password: 'Operator@123' })
      .expect(204);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const phaseOf = async () => (await TenantModel.findById(TENANT).lean())?.phase;
  const syncPaused = async () =>
    (await app.temporal.schedule.getHandle(orgSyncScheduleId(TENANT)).describe()).state.paused;

  it('opening a tenant starts its timer, which records the tenant active', async () => {
    const opened = await operator.post('/api/platform/tenants').send({
      id: TENANT,
      name: '限期企业',
      seats: 3,
      effectiveAt: new Date(Date.now() - 60_000).toISOString(),
      expiresAt: '2099-01-01T00:00:00+08:00',
      admin: { name: '管理员', mobile: '13700000091', password: 'Admin@12345' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.phase).toBe('active');
    await eventually(async () => (await phaseOf()) === 'active');
    const timer = await app.temporal.workflow.getHandle(tenantValidityWorkflowId(TENANT)).describe();
    expect(timer.status.name).toBe('RUNNING');
  });

  it('at 到期时间 the timer pauses the tenant’s WeCom syncs and logins are refused; extending resumes them', async () => {
    await ensureOrgSyncSchedule(app.temporal, app.config.temporalTaskQueue, TENANT);
    expect(await syncPaused()).toBe(false);

    const soon = new Date(Date.now() + 3_000).toISOString();
    const shortened = await operator.patch(`/api/platform/tenants/${TENANT}`).send({ expiresAt: soon });
    expect(shortened.status).toBe(200);
    await eventually(async () => (await phaseOf()) === 'expired' && (await syncPaused()));

    const login = await request(app.baseUrl)
      .post('/api/auth/login')
      .send({ phone: '13700000091', password: 'Admin@12345' });
    expect(login.body.error?.message ?? login.body.message).toBe('账号已到期，请联系商务');
    const listed = (await operator.get('/api/platform/tenants')).body.items.find(
      (t: { id: string }) => t.id === TENANT,
    );
    expect(listed.phase).toBe('expired');

    await operator
      .patch(`/api/platform/tenants/${TENANT}`)
      .send({ expiresAt: '2099-01-01T00:00:00+08:00' })
      .expect(200);
    await eventually(async () => (await phaseOf()) === 'active' && !(await syncPaused()));
  });
});

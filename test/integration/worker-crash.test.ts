// Slow (80 s): it waits out killed workers' heartbeat timeouts.
// Mostly waits: killed workers' heartbeat timeouts run out; the CPU stays mostly idle.
import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { customerScenario, populateLargeCorp, simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { startWorkerProcess } from '../support/worker-process';
import { startWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('crash');
const CUSTOMER_TENANT = freshTenantId('crash-customers');
/** Three pages of batch/get_by_user (100 relations each). */
const CUSTOMERS = 250;

const DEPARTMENTS = 6;
const PER_DEPARTMENT = 5;
// Reading one department's members takes this long, so reading them all takes seconds.
const SLOW_WECOM_MS = 600;

/** The worker as its own process, so it can be killed for real: all of the suite's write to one log. */
const workerProcess = (app: TestApp) =>
  startWorkerProcess(app, { logName: 'worker-crash-worker', append: true }).worker;

describe('a worker killed in the middle of an org sync', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;
  let corpId: string | undefined;

  beforeAll(async () => {
    app = await startTestApp('worker-crash');
    const corp = await simulator.createCorp('崩溃测试企业');
    corpId = corp.corpId;
    await populateLargeCorp(corp, DEPARTMENTS, PER_DEPARTMENT);
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000031' });
  }, 120_000);

  afterAll(async () => {
    await simulator.setLatency('/user/list', 0, corpId);
    worker?.kill('SIGKILL');
    await app?.stop();
  });

  it('completes after a new worker starts, with nothing lost or doubled', async () => {
    const agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000031', password: ADMIN_PASSWORD }).expect(200);
    // A slow WeCom holds the staff step open for seconds, so the kill lands in the middle of it.
    await simulator.setLatency('/user/list', SLOW_WECOM_MS, corpId);
    worker = workerProcess(app);
    await agent.post('/api/org/sync').expect(202);

    // Departments are stored: the worker is now reading members from WeCom, one department at a time.
    await eventually(
      async () => (await DepartmentModel.countDocuments({ tenantId: TENANT })) > DEPARTMENTS,
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, SLOW_WECOM_MS * 2));
    worker.kill('SIGKILL');
    await simulator.setLatency('/user/list', 0, corpId);
    const run = await SyncRunModel.findOne({ tenantId: TENANT }).lean();
    expect(run?.status).toBe('running');
    expect(await StaffModel.countDocuments({ tenantId: TENANT, userid: /^bulk/ })).toBe(0);

    worker = workerProcess(app);
    const finished = await eventually(async () => {
      const latest = await SyncRunModel.findOne({ tenantId: TENANT }).lean();
      return latest?.status === 'completed' ? latest : undefined;
    }, 90_000);

    const userids = await StaffModel.distinct('userid', { tenantId: TENANT, userid: /^bulk/ });
    const rows = await StaffModel.countDocuments({ tenantId: TENANT, userid: /^bulk/ });
    expect(userids).toHaveLength(DEPARTMENTS * PER_DEPARTMENT);
    expect(rows).toBe(userids.length);
    expect(finished.count).toBe(DEPARTMENTS + 1 + DEPARTMENTS * PER_DEPARTMENT);
  }, 180_000);
});

describe('a worker killed in the middle of a customer sync', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;
  let corpId: string | undefined;

  beforeAll(async () => {
    app = await startTestApp('worker-crash-customers');
    const corp = await simulator.createCorp('客户同步崩溃企业');
    corpId = corp.corpId;
    await simulator.addUser(corp.corpId, {
      userid: 'seller',
      name: '销售',
      mobile: '13810000009',
      department: [1],
    });
    for (let i = 0; i < CUSTOMERS; i += 1) {
      await customerScenario.addCustomer(corp.corpId, { userid: 'seller', name: `客户${i}` });
    }
    await createBoundTenant(CUSTOMER_TENANT, corp, { adminMobile: '13700000032' });
  }, 180_000);

  afterAll(async () => {
    await simulator.setLatency('/externalcontact/batch/get_by_user', 0, corpId);
    worker?.kill('SIGKILL');
    await app?.stop();
  });

  it('completes once a new worker starts, without waiting for a schedule, nothing lost or doubled', async () => {
    // A slow WeCom holds each page open for seconds, so the kill lands between pages.
    await simulator.setLatency('/externalcontact/batch/get_by_user', 3000, corpId);
    worker = workerProcess(app);
    await startWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
      workflowId: `customers-sync/${CUSTOMER_TENANT}/crash`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: CUSTOMER_TENANT, trigger: 'manual' }],
    });
    await eventually(
      async () => (await CustomerModel.countDocuments({ tenantId: CUSTOMER_TENANT })) >= 100,
      120_000,
    );
    worker.kill('SIGKILL');
    const stored = await CustomerModel.countDocuments({ tenantId: CUSTOMER_TENANT });
    expect(stored).toBeLessThan(CUSTOMERS);
    await simulator.setLatency('/externalcontact/batch/get_by_user', 0, corpId);

    // The killed worker's page moves to the new one after the 30 s heartbeat timeout.
    worker = workerProcess(app);
    const finished = await eventually(async () => {
      const run = await SyncRunModel.findOne({ tenantId: CUSTOMER_TENANT, kind: 'customers' }).lean();
      return run?.status === 'completed' ? run : undefined;
    }, 150_000);
    expect(finished.count).toBe(CUSTOMERS);
    expect(await CustomerModel.countDocuments({ tenantId: CUSTOMER_TENANT })).toBe(CUSTOMERS);
    expect(await CustomerEventModel.countDocuments({ tenantId: CUSTOMER_TENANT, kind: 'added' })).toBe(
      CUSTOMERS,
    );
  }, 360_000);
});

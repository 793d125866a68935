import request from 'supertest';
import type { ArchiveConsentSummary } from '../../workflows/archive-consent.contract';
import { ArchiveConsentModel } from '../../lib/models/archive-consent.model';
import { StaffModel } from '../../lib/models/staff.model';
import { ensureAllArchiveConsentSchedules } from '../../lib/temporal/archive-consent-schedule';
import { archiveConsentScheduleId } from '../../lib/temporal/workflow-ids';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { rotateArchiveKey } from '../support/archive-fixture';
import {
  archiveScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('consent');

/** R-3.1.5-06, R-7.6-06: who is archived and which customers agreed, read from WeCom and used. */
describe('会话存档 consent', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let admin: request.Agent;
  /** Followed by lina only; refuses archiving. */
  let refusing: string;
  let runs = 0;

  const syncConsent = async () =>
    (await executeWorkflow(app.temporal.workflow, 'archiveConsentSyncWorkflow', {
      workflowId: `archive-consent/${TENANT}/test-${(runs += 1)}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    })) as ArchiveConsentSummary;

  const archivedCustomers = async () =>
    (
      (await admin.get('/api/archive/customers').query({ pageSize: 100 }).expect(200)).body as {
        items: Array<{ externalUserid: string; lastContactAt: string }>;
        total: number;
      }
    ).items.map((item) => item.externalUserid);

  beforeAll(async () => {
    app = await startTestApp('archive-consent');
    corp = await simulator.createCorp('存档同意企业');
    built = await populateCustomerCorp(corp.corpId);
    refusing = built.customers[3];
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000071' });
    for (const [i, userid] of built.staff.entries()) {
      await StaffModel.create({
        tenantId: TENANT,
        roleId: roles.staff,
        userid,
        name: `销售${i + 1}`,
        mobile: `1370000007${i + 2}`,
        departmentIds: [1],
      });
    }
    await app.startWorker();
    await executeWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
      workflowId: `customers-sync/${TENANT}/consent`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'manual' }],
    });
    await rotateArchiveKey([TENANT], corp.corpId);
    await archiveScenario.permitUsers(corp.corpId, ['lina', 'wangwei']);
    await archiveScenario.setAgreement(corp.corpId, {
      with: 'lina',
      external_userid: refusing,
      status: 'Disagree',
    });
    // Chats from before the refusal: the archive has them, 按客户检索 must still leave the customer out.
    for (const to of [built.customers[0], refusing]) {
      await archiveScenario.archiveMessage(corp.corpId, {
        from: 'lina',
        tolist: [to],
        msgtype: 'text',
        body: { content: '您好，合同已发您邮箱' },
      });
    }
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/consent`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000071', password: ADMIN_PASSWORD }).expect(200);
  }, 240_000);

  afterAll(async () => {
    await app.temporal.schedule
      .getHandle(archiveConsentScheduleId(TENANT))
      .delete()
      .catch(() => undefined);
    await app?.stop();
  });

  it("stores each archived member's customers' answers and marks the archived staff", async () => {
    expect(await archivedCustomers()).toEqual([]);
    const summary = await syncConsent();
    // lina follows 张三 and 赵六, wangwei 张三 and 李四; zhaomin is not archived.
    expect(summary).toEqual({ staff: 2, checked: 4, dropped: 0 });
    const rows = await ArchiveConsentModel.find({ tenantId: TENANT }).lean();
    const byPair = (a: unknown[], b: unknown[]) => {
      const [x, y] = [`${String(a[0])}|${String(a[1])}`, `${String(b[0])}|${String(b[1])}`];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    expect(rows.map((row) => [row.userid, row.externalUserid, row.status, row.agreed]).sort(byPair)).toEqual(
      [
        ['lina', built.customers[0], 'Default_Agree', true],
        ['lina', refusing, 'Disagree', false],
        ['wangwei', built.customers[0], 'Default_Agree', true],
        ['wangwei', built.customers[1], 'Default_Agree', true],
      ].sort(byPair),
    );
    expect(rows.find((row) => row.externalUserid === refusing)?.changedAt).toBeInstanceOf(Date);
    expect(rows.find((row) => row.status === 'Default_Agree')?.changedAt).toBeUndefined();

    const staff = await StaffModel.find({ tenantId: TENANT, userid: { $in: built.staff } })
      .sort({ userid: 1 })
      .lean();
    expect(staff.map((member) => [member.userid, member.archiveEnabled])).toEqual([
      ['lina', true],
      ['wangwei', true],
      ['zhaomin', false],
    ]);
    const picker = (
      await admin.get('/api/org/staff').query({ archiveEnabled: 'true', pageSize: 100 }).expect(200)
    ).body as { items: Array<{ userid: string; archiveEnabled: boolean }> };
    expect(picker.items.map((member) => member.userid).sort()).toEqual(['lina', 'wangwei']);
    expect(picker.items.every((member) => member.archiveEnabled)).toBe(true);
  }, 120_000);

  it('按客户检索 leaves out a customer who refused, and lists them once they agree and the sync ran', async () => {
    // The list reads the customer search index, which has the ingest's 近期沟通时间 once it refreshes.
    const before = await eventually(async () => {
      const listed = await archivedCustomers();
      return listed.includes(built.customers[0]) ? listed : undefined;
    });
    expect(before).not.toContain(refusing);

    await archiveScenario.setAgreement(corp.corpId, {
      with: 'lina',
      external_userid: refusing,
      status: 'Agree',
    });
    expect(await archivedCustomers()).not.toContain(refusing);
    await syncConsent();
    const after = await archivedCustomers();
    expect(after).toEqual(expect.arrayContaining([built.customers[0], refusing]));
    const row = await ArchiveConsentModel.findOne({
      tenantId: TENANT,
      userid: 'lina',
      externalUserid: refusing,
    }).lean();
    expect(row).toMatchObject({ status: 'Agree', agreed: true });
  }, 120_000);

  it('reading the answers again changes nothing', async () => {
    const before = await ArchiveConsentModel.find({ tenantId: TENANT }, { syncedAt: 0 })
      .sort({ _id: 1 })
      .lean();
    expect(await syncConsent()).toEqual({ staff: 2, checked: 4, dropped: 0 });
    expect(
      await ArchiveConsentModel.find({ tenantId: TENANT }, { syncedAt: 0 }).sort({ _id: 1 }).lean(),
    ).toEqual(before);
  }, 120_000);

  it('gives an archive set up before the consent sync existed its Schedule when the api starts', async () => {
    await app.temporal.schedule
      .getHandle(archiveConsentScheduleId(TENANT))
      .delete()
      .catch(() => undefined);
    const tenants = await ensureAllArchiveConsentSchedules(app.temporal, app.config.temporalTaskQueue);
    expect(tenants).toContain(TENANT);
    const schedule = await app.temporal.schedule.getHandle(archiveConsentScheduleId(TENANT)).describe();
    expect(schedule.action).toMatchObject({ workflowType: 'archiveConsentSyncWorkflow' });
    expect(schedule.state.paused).toBe(false);
  });
});

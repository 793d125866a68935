import request from 'supertest';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { SyncRunModel } from '../../lib/models/sync-run.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import {
  customerScenario,
  populateCustomerCorp,
  simulator,
  type SimCorp,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import type { CustomerSideSyncWorkflowType } from '../../lib/temporal/customer-sync-schedule';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('csync');

/** R-3.1 / R-3.2.1-02 / R-7.3.1-01: customers, groups and corp tags read from WeCom in full. */
describe('customer-side syncs', () => {
  let app: TestApp;
  let corp: SimCorp;
  let built: SmallCustomerCorp;
  let agent: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    app = await startTestApp('customer-sync');
    corp = await simulator.createCorp('客户同步企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000031' });
    // No customers callback is configured: WeCom tells us nothing, only a sync can learn of this corp.
    // The corp bound a WeChat developer account: WeCom gives its WeChat customers' unionid.
    await customerScenario.bindWechatDeveloper(corp.corpId, true);
    built = await populateCustomerCorp(corp.corpId);
    await app.startWorker();
    agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: '13700000031', password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const customer = (externalUserid: string) =>
    CustomerModel.findOne({ tenantId: TENANT, externalUserid }).lean();

  async function completed(path: string, minCount = 1): Promise<void> {
    await eventually(async () => {
      const status = (await agent.get(path).expect(200)).body;
      return status.lastSync?.status === 'completed' && status.manualSyncsToday >= minCount;
    }, 60_000);
  }

  /** A sync as its Schedule runs it (not counted in the manual quota). */
  async function scheduledRun(workflowType: CustomerSideSyncWorkflowType, runKey: string): Promise<number> {
    return executeWorkflow(app.temporal.workflow, workflowType, {
      workflowId: `${runKey}/${TENANT}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });
  }

  it('the 同步 buttons read customers with every relation, groups and tags', async () => {
    await agent.post('/api/tags/sync').expect(202);
    await agent.post('/api/customers/sync').expect(202);
    await agent.post('/api/customer-groups/sync').expect(202);
    await completed('/api/tags/sync');
    await completed('/api/customers/sync');
    await completed('/api/customer-groups/sync');

    const tagGroups = await CorpTagGroupModel.find({ tenantId: TENANT }).sort({ name: 1 }).lean();
    expect(tagGroups.map((group) => [group.name, group.tags.map((tag) => tag.name)])).toEqual([
      ['客户等级', ['VIP', '普通']],
      ['意向', ['高意向']],
    ]);

    expect(await CustomerModel.countDocuments({ tenantId: TENANT })).toBe(4);
    const zhangsan = await customer(built.customers[0]);
    expect(zhangsan).toMatchObject({
      name: '张三',
      adderUserids: ['lina', 'wangwei', 'zhaomin'],
      ownerUserid: 'lina',
      active: true,
    });
    expect([...zhangsan!.tagIds].sort()).toEqual([built.tags.vip, built.tags.hot].sort());
    expect(zhangsan!.follows.find((follow) => follow.userid === 'lina')).toMatchObject({
      remark: '老客户',
      tagIds: [built.tags.vip],
      addWay: 1,
    });
    // The same person for every member who added them, as WeCom's unionid says.
    const { customer: atWeCom } = await simulator.customer(corp.corpId, built.customers[0]);
    expect(atWeCom.unionid).toMatch(/^o/);
    expect(zhangsan!.unionid).toBe(atWeCom.unionid);
    const detail = (await agent.get(`/api/customers/${built.customers[0]}`).expect(200)).body;
    expect(detail.customer.unionid).toBe(atWeCom.unionid);
    // Every relation first seen by this sync is an `added` event, via sync.
    const added = await CustomerEventModel.find({ tenantId: TENANT, kind: 'added' }).lean();
    expect(added).toHaveLength(6);
    expect(new Set(added.map((event) => event.via))).toEqual(new Set(['sync']));

    const groups = await CustomerGroupModel.find({ tenantId: TENANT }).sort({ name: 1 }).lean();
    expect(groups.map((group) => [group.name, group.ownerUserid, group.customerCount])).toEqual([
      ['客户群1', 'lina', 2],
      ['客户群2', 'wangwei', 2],
    ]);
    expect(groups[0].memberCount).toBe(groups[0].members.length);
    expect(groups.map((group) => group.adminUserids)).toEqual([['zhaomin'], ['zhaomin']]);
    expect(groups[0].members.find((member) => member.userid === built.customers[0])?.unionid).toBe(
      atWeCom.unionid,
    );
    // The sync indexes its groups without waiting for Elasticsearch's refresh.
    await refreshListSearch(app);
    // 客户群 and 群画像 on the groups as the sync wrote them (not as a test would seed them).
    const list = (await agent.get('/api/customer-groups').expect(200)).body;
    expect(list.items.map((row: { name: string }) => row.name).sort()).toEqual(['客户群1', '客户群2']);
    expect(list.items.map((row: { groupTags: unknown[] }) => row.groupTags)).toEqual([[], []]);
    await agent.get(`/api/customer-groups/${groups[0].chatId}/portrait`).expect(200);

    const status = (await agent.get('/api/customers/sync').expect(200)).body;
    expect(status.lastSync).toMatchObject({ status: 'completed', count: 4, error: null });
    expect(status.manualSyncsToday).toBe(1);
  });

  it('a second 同步 within 10 minutes is refused with the manual’s reason', async () => {
    const again = await agent.post('/api/customers/sync');
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({
      code: 'SYNC_QUOTA',
      message: '距离上次同步不足 10 分钟，请稍后再试',
    });
    expect(
      await SyncRunModel.countDocuments({ tenantId: TENANT, kind: 'customers', trigger: 'manual' }),
    ).toBe(1);
  });

  it('a later sync ends relations, dismisses groups and drops tags WeCom no longer has', async () => {
    await customerScenario.endRelation(corp.corpId, built.customers[0], 'zhaomin', 'customer');
    await customerScenario.dismissGroupChat(corp.corpId, built.chats[1]);
    await customerScenario.deleteCorpTag(corp.corpId, built.tags.hot);

    expect(await scheduledRun('corpTagSyncWorkflow', 'tags-2')).toBe(2);
    expect(await scheduledRun('customerSyncWorkflow', 'customers-2')).toBe(4);
    expect(await scheduledRun('customerGroupSyncWorkflow', 'groups-2')).toBe(1);

    const zhangsan = await customer(built.customers[0]);
    expect(zhangsan!.adderUserids).toEqual(['lina', 'wangwei']);
    expect(zhangsan!.follows.find((follow) => follow.userid === 'zhaomin')?.deletedAt).toBeInstanceOf(Date);
    expect(zhangsan!.tagIds).toEqual([built.tags.vip]);
    expect((await customer(built.customers[1]))!.tagIds).toEqual([built.tags.normal]);
    expect(await CorpTagGroupModel.countDocuments({ tenantId: TENANT, name: '意向' })).toBe(0);

    const dismissed = await CustomerGroupModel.findOne({ tenantId: TENANT, chatId: built.chats[1] }).lean();
    expect(dismissed?.dismissedAt).toBeInstanceOf(Date);
    // Nothing was added since: no new events.
    expect(await CustomerEventModel.countDocuments({ tenantId: TENANT, kind: 'added' })).toBe(6);
  });

  it('tags saved here but not yet in WeCom (mark_tag down) survive a sync, and reach WeCom afterwards', async () => {
    const target = built.customers[1];
    await simulator.setOutage('busy', ['/externalcontact/mark_tag'], corp.corpId);
    try {
      const started = await agent
        .post('/api/customers/tags')
        .send({ externalUserids: [target], addTagIds: [built.tags.vip] })
        .expect(202);
      // WeCom still has the old tags; the sync must not take the new one away.
      await scheduledRun('customerSyncWorkflow', 'customers-3');
      expect((await customer(target))!.tagIds.sort()).toEqual([built.tags.normal, built.tags.vip].sort());
      expect((await agent.get(`/api/customers/tag-jobs/${started.body.id}`)).body.status).toBe('running');

      await simulator.setOutage('off', undefined, corp?.corpId);
      await eventually(
        async () =>
          (await agent.get(`/api/customers/tag-jobs/${started.body.id}`)).body.status === 'completed',
        90_000,
      );
    } finally {
      await simulator.setOutage('off', undefined, corp?.corpId);
    }
    const inWeCom = await simulator.customer(corp.corpId, target);
    for (const relation of inWeCom.follow_user) {
      expect(relation.tags?.map((tag) => tag.tag_id)).toContain(built.tags.vip);
    }
    await scheduledRun('customerSyncWorkflow', 'customers-4');
    expect((await customer(target))!.tagIds).toContain(built.tags.vip);
  }, 150_000);
});

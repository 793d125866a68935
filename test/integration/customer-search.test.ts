// Slow (90 s): it keeps Elasticsearch unreachable for a while and waits for the writes to reach it after.
// Mostly waits: Elasticsearch stays unreachable for a while, then the outbox drain’s retry backoff runs out; the CPU stays mostly idle.
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import request from 'supertest';
import type { StaffScope } from '../../lib/access/data-scope';
import type { CustomerFilter } from '../../lib/contracts/customer.contract';
import { deriveCustomerFields, type FollowFacts } from '../../lib/customers/customer-derived';
import { CUSTOMER_LIST_SORT, customerListFilter } from '../../lib/customers/customer-list-filter';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { ListSearchOutboxModel } from '../../lib/models/list-search-outbox.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { customerIndexNames } from '../../lib/search/customer-index';
import { indexNeedsRebuild } from '../../lib/search/versioned-index';
import { markListRowsPending } from '../../lib/search/list-read-model';
import { searchCustomerIds } from '../../lib/search/customer-search';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers, refreshCustomerSearch } from '../support/customer-search';
import { customerScenario, populateCustomerCorp, simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';
import { startCuttableProxy, type CuttableProxy } from '../support/tcp-proxy';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('csearch');
const ADMIN_MOBILE = '13700000041';
// An index of the suite's own, so wiping it touches no other suite.
const PREFIX = `t-${TENANT}-`;
const ALL: StaffScope = { all: true };

/**
 * The 客户 list reads through the customer search index (R-3.1.1, I-37, I-104): the index means exactly what
 * the MongoDB filter means, follows every kind of customer write, loses nothing while Elasticsearch is
 * unreachable, and is refilled from MongoDB when wiped. Elasticsearch is reached through a proxy the test can
 * cut, so the shared server keeps running for the other suites.
 */
describe('customer search index', () => {
  let proxy: CuttableProxy;
  let app: TestApp;
  let corp: SimCorp;
  let agent: ReturnType<typeof request.agent>;
  const es = new ElasticsearchClient({ node: stackEnv.esUrl });
  const names = customerIndexNames(PREFIX);

  beforeAll(async () => {
    proxy = await startCuttableProxy(new URL(stackEnv.esUrl));
    app = await startTestApp('customer-search', { ES_URL: proxy.url, ES_INDEX_PREFIX: PREFIX });
    corp = await simulator.createCorp('客户搜索企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    await populateCustomerCorp(corp.corpId);
    await app.startWorker();
    agent = request.agent(app.baseUrl);
    await agent.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await app?.stop();
    await proxy?.close();
    await es.indices.delete({ index: names.index }, { ignore: [404] });
    await es.close();
  });

  async function listed(query: Record<string, string>): Promise<string[]> {
    const response = await agent.get('/api/customers').query(query).expect(200);
    return (response.body.items as Array<{ name: string }>).map((row) => row.name);
  }

  describe('means what the MongoDB filter means', () => {
    const SEED = 'seed';
    const seeded: Array<{
      name: string;
      phones?: string[];
      corpName?: string;
      corpFullName?: string;
      profileCorp?: string;
      type?: 1 | 2;
      adders?: string[];
      tags?: string[];
      day?: string;
      source?: string;
    }> = [
      { name: '张三', phones: ['13911112222'], adders: ['lina'], tags: ['t1'], day: '2026-11-01' },
      {
        name: '张三丰',
        phones: ['+86 138-0000-1234'],
        adders: ['wangwei'],
        tags: ['t1', 't2'],
        day: '2026-11-02',
      },
      {
        name: 'Alice Wang',
        type: 2,
        corpName: 'Acme',
        corpFullName: 'Acme Co., Ltd.',
        adders: ['lina', 'zhaomin'],
        day: '2026-11-03',
      },
      {
        name: 'ALICE',
        phones: ['010-6666 8888'],
        profileCorp: 'Shanghai [Acme]',
        adders: ['zhaomin'],
        tags: ['t2'],
        day: '2026-11-04',
        source: '官网',
      },
      {
        name: 'bob.smith+1',
        type: 2,
        corpName: 'ACME中国',
        corpFullName: '艾克米（中国）有限公司',
        adders: ['wangwei'],
        day: '2026-11-05',
      },
      {
        name: '王(伟)',
        profileCorp: '星河*科技',
        adders: ['lina'],
        tags: ['t3'],
        day: '2026-11-06',
        source: '转介绍',
      },
      { name: 'a.b', phones: ['1+1=2'], adders: ['wangwei'], day: '2026-11-07' },
      {
        name: '李四 Li',
        phones: ['021 5555 0000', '13911110000'],
        adders: ['lina'],
        tags: ['t1', 't3'],
        day: '2026-11-08',
      },
      { name: 'Ärger Ölß', adders: ['zhaomin'], day: '2026-11-09' },
      { name: '^$.*?|\\', phones: ['(0)'], adders: ['lina'], day: '2026-11-10' },
      { name: '没有添加人', adders: [], day: '2026-11-11' },
    ];

    beforeAll(async () => {
      for (const [i, spec] of seeded.entries()) {
        const follows = (spec.adders ?? []).map((userid) => ({
          userid,
          addedAt: new Date(`${spec.day}T10:00:00+08:00`),
          tagIds: spec.tags ?? [],
          remarkMobiles: spec.phones ?? [],
          addWay: 1,
        }));
        await CustomerModel.create({
          tenantId: TENANT,
          externalUserid: `wm-${SEED}-${i}`,
          name: spec.name,
          type: spec.type ?? 1,
          corpName: spec.corpName ?? '',
          corpFullName: spec.corpFullName ?? '',
          follows,
          profile: { corpName: spec.profileCorp, source: spec.source },
          ...deriveCustomerFields(follows as FollowFacts[]),
          lastContactAt: i % 2 ? new Date(`2026-11-2${i % 10}T12:00:00+08:00`) : undefined,
        });
      }
      await indexSeededCustomers(app.customerSearch, TENANT);
    });

    async function bothWays(filter: Partial<CustomerFilter>, scope: StaffScope = ALL) {
      const mongo = await CustomerModel.find(customerListFilter(TENANT, filter, scope), { _id: 1 })
        .sort(CUSTOMER_LIST_SORT)
        .lean();
      const search = await searchCustomerIds(app.customerSearch, TENANT, filter, scope, {
        from: 0,
        size: 100,
        countUpTo: 1000,
      });
      return { mongo: mongo.map((row) => String(row._id)), search: search.ids, total: search.total };
    }

    const KEYWORDS = [
      '张',
      '张三',
      '三丰',
      'alice',
      'ALI',
      'aLiCe w',
      'Wang',
      'a',
      'b.s',
      '+1',
      '1+',
      '(伟)',
      '王(伟',
      '.',
      '*',
      '[',
      '^$.*?|\\',
      '|',
      '138-0000',
      '0000',
      '1',
      '6666 8888',
      '5555 0',
      ' ',
      'Li',
      'ärger',
      'ÖLSS',
      'ß',
      '13911112222',
      '139111122223',
      'zzz',
      '张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰张三丰',
    ];
    const CORPS = ['acme', 'ACME中', '[acme]', 'Co., L', '星河*', '中国', '（中国）', 'shanghai', 'x'];

    it.each(KEYWORDS)('客户姓名/手机号 %p', async (keyword) => {
      const { mongo, search } = await bothWays({ keyword });
      expect(search).toEqual(mongo);
    });

    it.each(CORPS)('企业 %p', async (corpName) => {
      const { mongo, search } = await bothWays({ corpName });
      expect(search).toEqual(mongo);
    });

    it('and every other filter, alone and together, inside the data scope', async () => {
      const cases: Array<[Partial<CustomerFilter>, StaffScope]> = [
        [{}, ALL],
        [{}, { all: false, userids: ['lina'] }],
        [{ adderUserids: ['zhaomin'] }, { all: false, userids: ['lina'] }],
        [{ ownerUserids: ['wangwei'] }, ALL],
        [{ tagIds: ['t1', 't2'], tagMatch: 'any' }, ALL],
        [{ tagIds: ['t1', 't2'], tagMatch: 'all' }, ALL],
        [{ addedFrom: '2026-11-02', addedTo: '2026-11-05' }, ALL],
        [{ addedTo: '2026-11-03' }, ALL],
        [{ lastContactFrom: '2026-11-23', lastContactTo: '2026-11-27' }, ALL],
        [{ source: '官网' }, ALL],
        [{ type: 2 }, ALL],
        [
          { keyword: '张', tagIds: ['t1'], tagMatch: 'any', addedFrom: '2026-11-02' },
          { all: false, userids: ['wangwei'] },
        ],
      ];
      for (const [filter, scope] of cases) {
        const { mongo, search, total } = await bothWays(filter, scope);
        expect({ filter, scope, ids: search, total }).toEqual({
          filter,
          scope,
          ids: mongo,
          total: mongo.length,
        });
      }
    });
  });

  it('follows a sync, a callback, an edit and a tagging', async () => {
    // Sync: the corp's customers are known to WeCom only.
    await agent.post('/api/tags/sync').expect(202);
    await agent.post('/api/customers/sync').expect(202);
    await eventually(async () => (await listed({ keyword: '李四' })).includes('李四'), 60_000);

    // Callback: a member adds a customer in WeCom.
    const { customers } = await ensureCallbackSettings(TENANT);
    await simulator.setCustomersCallback(corp.corpId, {
      url: `${app.baseUrl}/wecom/callback/${TENANT}/customers`,
      token: customers.token,
      encodingAesKey: customers.aesKey,
    });
    const added = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '回调客户' });
    expect(added.delivery?.status).toBe('delivered');
    await eventually(async () => (await listed({ keyword: '回调' })).includes('回调客户'));

    // Edit in 客户详情.
    const id = added.customer.external_userid;
    await agent.patch(`/api/customers/${id}`).send({ phone: '0591-8765 4321' }).expect(200);
    await eventually(async () => (await listed({ keyword: '8765 43' })).includes('回调客户'));

    // 打标签: the tag filter finds the customer.
    await eventually(async () => CorpTagGroupModel.exists({ tenantId: TENANT }), 60_000);
    const group = await CorpTagGroupModel.findOne({ tenantId: TENANT, name: '意向' }).lean();
    const hot = group!.tags[0].tagId;
    await agent
      .post('/api/customers/tags')
      .send({ externalUserids: [id], addTagIds: [hot] })
      .expect(202);
    await eventually(async () => (await listed({ tagIds: hot })).includes('回调客户'));
  });

  it('loses no write while Elasticsearch is unreachable: it reaches the index once it is back', async () => {
    const [zhang] = (await agent.get('/api/customers').query({ keyword: '张三' }).expect(200)).body
      .items as Array<{
      externalUserid: string;
    }>;
    await proxy.cut();
    try {
      // An edit in the api and a callback applied by the worker, both while the index is down.
      await agent
        .patch(`/api/customers/${zhang.externalUserid}`)
        .send({ phone: '0755-2468 1357' })
        .expect(200);
      const added = await customerScenario.addCustomer(corp.corpId, { userid: 'wangwei', name: '断网客户' });
      expect(added.delivery?.status).toBe('delivered');
      await eventually(async () => CustomerModel.exists({ tenantId: TENANT, name: '断网客户' }));
      // Both wait in the outbox (the worker's write is marked once its index call has failed).
      await eventually(
        async () =>
          (await ListSearchOutboxModel.countDocuments({ tenantId: TENANT, kind: 'customers' })) >= 2,
      );
      // The list says why it cannot answer, instead of answering wrong.
      const unreachable = await agent.get('/api/customers');
      expect(unreachable.status).toBe(503);
      expect(unreachable.body.error.message).toBe('客户搜索服务暂不可用，请稍后重试');
    } finally {
      await proxy.restore();
    }
    await eventually(async () => (await listed({ keyword: '2468 13' })).includes('张三'), 90_000);
    await eventually(async () => (await listed({ keyword: '断网' })).includes('断网客户'), 90_000);
    await eventually(
      async () => (await ListSearchOutboxModel.countDocuments({ tenantId: TENANT, kind: 'customers' })) === 0,
    );
  }, 150_000);

  it('indexes a write whose process died before its index call, once the worker starts again', async () => {
    const [zhang] = (await agent.get('/api/customers').query({ keyword: '张三' }).expect(200)).body
      .items as Array<{ externalUserid: string }>;
    const stored = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: zhang.externalUserid });
    await app.stopWorker();
    // A writer put its outbox row down a minute ago and its write landed; its process died right after,
    // before the index heard of it.
    await markListRowsPending('customers', TENANT, [String(stored!._id)], new Date(Date.now() - 60_000));
    await CustomerModel.updateOne({ tenantId: TENANT, _id: stored!._id }, { $set: { name: '张三已改名' } });
    expect(await listed({ keyword: '已改名' })).toEqual([]);
    await app.startWorker();
    await eventually(async () => (await listed({ keyword: '已改名' })).includes('张三已改名'), 60_000);
    await eventually(
      async () => (await ListSearchOutboxModel.countDocuments({ tenantId: TENANT, kind: 'customers' })) === 0,
    );
  }, 120_000);

  it('refills a wiped index from MongoDB when the worker starts', async () => {
    const active = await CustomerModel.countDocuments({ tenantId: TENANT, active: true });
    await es.indices.delete({ index: names.index });
    await app.stopWorker();
    await app.startWorker();
    await eventually(async () => {
      await refreshCustomerSearch(app.config);
      const page = (await agent.get('/api/customers').query({ pageSize: 100 }).expect(200)).body;
      return page.total === active;
    }, 90_000);
    await eventually(async () => !(await indexNeedsRebuild(es, names)));
  }, 120_000);
});

import { createCustomerIndexer } from '../../lib/search/customer-indexer';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { CallbackInboxModel } from '../../lib/models/callback-inbox.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { createCustomerEventActivities } from '../../activities/customer-events.activities';
import { loadExternalContactCredentials } from '../../activities/tenant-credentials';
import { WeComClient } from '../../lib/wecom/client';
import { createCorpTagsApi } from '../../lib/wecom/corp-tags-api';
import { createCustomersApi } from '../../lib/wecom/customers-api';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import { customerScenario, simulator, type SimCorp, type SimDelivery } from '../support/sim-client';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';

const TENANT = freshTenantId('ccb');

/**
 * R-7.3.1-01 and the customer callbacks of issue 4: every 客户联系 event kind is applied once, even when WeCom
 * delivers it three times, and replays in any order leave the data as WeCom has it.
 */
describe('客户联系 callbacks', () => {
  let app: TestApp;
  let corp: SimCorp;

  beforeAll(async () => {
    app = await startTestApp('customer-callbacks');
    corp = await simulator.createCorp('客户回调企业');
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000032' });
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    await customerScenario.bindWechatDeveloper(corp.corpId, true);
    for (const [i, userid] of ['lina', 'wangwei'].entries()) {
      await simulator.addUser(corp.corpId, {
        userid,
        name: `销售${i}`,
        mobile: `1381111000${i}`,
        department: [1],
      });
    }
    await app.startWorker();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const customer = (externalUserid: string) =>
    CustomerModel.findOne({ tenantId: TENANT, externalUserid }).lean();
  const group = (chatId: string) => CustomerGroupModel.findOne({ tenantId: TENANT, chatId }).lean();

  async function plaintextOf(deliveryId: string): Promise<string> {
    const { deliveries } = (await simulator.deliveries(corp.corpId)) as unknown as {
      deliveries: Array<{ id: string; plaintext: string }>;
    };
    return deliveries.find((delivery) => delivery.id === deliveryId)!.plaintext;
  }

  /** Waits until the delivered event is applied, then has WeCom deliver it twice more. */
  async function deliveredThrice(delivery: SimDelivery | null): Promise<string> {
    expect(delivery?.status).toBe('delivered');
    const key = createHash('sha256')
      .update(await plaintextOf(delivery!.id))
      .digest('hex');
    await eventually(async () => {
      const row = await CallbackInboxModel.findOne({ tenantId: TENANT, key }).lean();
      if (row?.status === 'applied') return true;
      throw new Error(`inbox row ${row?.changeType ?? 'missing'}: ${row?.status} ${row?.error ?? ''}`);
    });
    await simulator.replay(corp.corpId, delivery!.id);
    await simulator.replay(corp.corpId, delivery!.id);
    expect(await CallbackInboxModel.countDocuments({ tenantId: TENANT, key })).toBe(1);
    return key;
  }

  const events = (externalUserid: string) =>
    CustomerEventModel.find({ tenantId: TENANT, externalUserid }).sort({ at: 1, createdAt: 1 }).lean();

  let zhangsan: string;

  it('add_external_contact, add_half_external_contact, edit_external_contact', async () => {
    const added = await customerScenario.addCustomer(corp.corpId, {
      userid: 'lina',
      name: '张三',
      state: 'live-1',
    });
    zhangsan = added.customer.external_userid;
    await deliveredThrice(added.delivery);
    expect(await customer(zhangsan)).toMatchObject({ name: '张三', adderUserids: ['lina'], active: true });
    // externalcontact/get's unionid (the corp bound a WeChat developer account) comes with the add.
    const { customer: atWeCom } = await simulator.customer(corp.corpId, zhangsan);
    expect((await customer(zhangsan))!.unionid).toBe(atWeCom.unionid);
    expect(atWeCom.unionid).toMatch(/^o/);

    const half = await customerScenario.addCustomer(corp.corpId, {
      userid: 'wangwei',
      external_userid: zhangsan,
      half: true,
    });
    await deliveredThrice(half.delivery);
    // Not a relation yet: WeCom does not list it until wangwei accepts.
    expect((await customer(zhangsan))!.adderUserids).toEqual(['lina']);
    const accepted = await customerScenario.acceptHalfAdd(corp.corpId, zhangsan, 'wangwei');
    await deliveredThrice(accepted.delivery);
    expect((await customer(zhangsan))!.adderUserids).toEqual(['lina', 'wangwei']);

    const tags = await customerScenario.addCorpTags(corp.corpId, {
      group_name: '等级',
      tag: [{ name: 'VIP' }],
    });
    for (const delivery of tags.deliveries) await deliveredThrice(delivery);
    const vip = tags.tag_group.tag[0].id;
    const edited = await customerScenario.editRelation(corp.corpId, zhangsan, 'lina', {
      remark: '老客户',
      add_tag: [vip],
    });
    await deliveredThrice(edited.delivery);
    const stored = await customer(zhangsan);
    expect(stored!.tagIds).toEqual([vip]);
    expect(stored!.follows.find((follow) => follow.userid === 'lina')).toMatchObject({ remark: '老客户' });

    expect((await events(zhangsan)).map((event) => [event.kind, event.userid, event.via])).toEqual([
      ['added', 'lina', 'callback'],
      ['half_added', 'wangwei', 'callback'],
      ['added', 'wangwei', 'callback'],
      ['edited', 'lina', 'callback'],
    ]);
  });

  it('del_external_contact and del_follow_user end the relation and are recorded once', async () => {
    const byCustomer = await customerScenario.endRelation(corp.corpId, zhangsan, 'wangwei', 'customer');
    await deliveredThrice(byCustomer.delivery);
    const byStaff = await customerScenario.endRelation(corp.corpId, zhangsan, 'lina', 'member');
    await deliveredThrice(byStaff.delivery);

    const stored = await customer(zhangsan);
    expect(stored).toMatchObject({ active: false, adderUserids: [] });
    expect(stored!.follows.map((follow) => [follow.userid, follow.deletedBy])).toEqual([
      ['lina', 'staff'],
      ['wangwei', 'customer'],
    ]);
    const deletions = (await events(zhangsan)).filter((event) => event.kind.startsWith('deleted'));
    expect(deletions.map((event) => [event.kind, event.userid])).toEqual([
      ['deleted_by_customer', 'wangwei'],
      ['deleted_by_staff', 'lina'],
    ]);
  });

  it('change_external_chat create, every update and dismiss', async () => {
    const lisi = (await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '李四' })).customer
      .external_userid;
    const created = await customerScenario.createGroupChat(corp.corpId, {
      name: '客户群',
      owner: 'lina',
      members: [{ userid: lisi, type: 2 }],
    });
    const chatId = created.group_chat.chat_id;
    await deliveredThrice(created.delivery);
    expect(await group(chatId)).toMatchObject({ name: '客户群', ownerUserid: 'lina', customerCount: 1 });
    // The 客户群 list (its Elasticsearch read model) follows every change the callbacks apply.
    const admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000032', password: ADMIN_PASSWORD }).expect(200);
    const listed = async () => {
      await refreshListSearch(app);
      const page = (await admin.get('/api/customer-groups').expect(200)).body as {
        items: Array<{ chatId: string; name: string; owner: { userid: string } }>;
      };
      return page.items.find((row) => row.chatId === chatId);
    };
    expect(await listed()).toMatchObject({ name: '客户群', owner: { userid: 'lina' } });

    await deliveredThrice(
      (await customerScenario.addGroupMembers(corp.corpId, chatId, [{ userid: 'wangwei' }])).delivery,
    );
    expect((await group(chatId))!.members.map((member) => member.userid)).toContain('wangwei');
    await deliveredThrice((await customerScenario.removeGroupMembers(corp.corpId, chatId, [lisi])).delivery);
    expect((await group(chatId))!.customerCount).toBe(0);
    await deliveredThrice(
      (await customerScenario.changeGroupChat(corp.corpId, chatId, { owner: 'wangwei' })).delivery,
    );
    await deliveredThrice(
      (await customerScenario.changeGroupChat(corp.corpId, chatId, { name: '新群名' })).delivery,
    );
    await deliveredThrice(
      (await customerScenario.changeGroupChat(corp.corpId, chatId, { notice: '群公告' })).delivery,
    );
    expect(await group(chatId)).toMatchObject({ name: '新群名', ownerUserid: 'wangwei', notice: '群公告' });
    expect(await listed()).toMatchObject({ name: '新群名', owner: { userid: 'wangwei' } });

    await deliveredThrice((await customerScenario.dismissGroupChat(corp.corpId, chatId)).delivery);
    expect((await group(chatId))!.dismissedAt).toBeInstanceOf(Date);
    expect(await listed()).toBeUndefined();
  });

  it('change_external_tag create, update and delete; a deleted tag leaves the customers', async () => {
    const wangwu = (await customerScenario.addCustomer(corp.corpId, { userid: 'wangwei', name: '王五' }))
      .customer.external_userid;
    const created = await customerScenario.addCorpTags(corp.corpId, {
      group_name: '意向',
      tag: [{ name: '高' }, { name: '低' }],
    });
    for (const delivery of created.deliveries) await deliveredThrice(delivery);
    const [high, low] = created.tag_group.tag.map((tag) => tag.id);
    await deliveredThrice(
      (await customerScenario.editRelation(corp.corpId, wangwu, 'wangwei', { add_tag: [high, low] }))
        .delivery,
    );
    expect([...(await customer(wangwu))!.tagIds].sort()).toEqual([high, low].sort());

    await deliveredThrice((await customerScenario.editCorpTag(corp.corpId, high, { name: '很高' })).delivery);
    const groupId = created.tag_group.group_id;
    await deliveredThrice(
      (await customerScenario.editCorpTag(corp.corpId, groupId, { name: '购买意向' })).delivery,
    );
    const stored = await CorpTagGroupModel.findOne({ tenantId: TENANT, groupId }).lean();
    expect(stored).toMatchObject({ name: '购买意向' });
    expect(stored!.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['很高', '低']));

    await deliveredThrice((await customerScenario.deleteCorpTag(corp.corpId, high)).delivery);
    expect((await customer(wangwu))!.tagIds).toEqual([low]);
    expect(
      (await CorpTagGroupModel.findOne({ tenantId: TENANT, groupId }).lean())!.tags.map((tag) => tag.tagId),
    ).toEqual([low]);

    await deliveredThrice((await customerScenario.deleteCorpTag(corp.corpId, groupId)).delivery);
    expect((await customer(wangwu))!.tagIds).toEqual([]);
    expect(await CorpTagGroupModel.countDocuments({ tenantId: TENANT, groupId })).toBe(0);
  });

  it('replays of earlier events, in shuffled order, change nothing: the data stays as WeCom has it', async () => {
    const before = {
      customers: await CustomerModel.find({ tenantId: TENANT }, { follows: 1, tagIds: 1, adderUserids: 1 })
        .sort({ externalUserid: 1 })
        .lean(),
      events: await CustomerEventModel.countDocuments({ tenantId: TENANT }),
      groups: await CustomerGroupModel.find(
        { tenantId: TENANT },
        { name: 1, ownerUserid: 1, members: 1 },
      ).lean(),
    };
    const { deliveries } = await simulator.deliveries(corp.corpId);
    const originals = deliveries.filter((delivery) => !(delivery as { replayOf?: string }).replayOf);
    // A fixed shuffle (reversed, odd ones first) keeps the test repeatable.
    const shuffled = [
      ...originals.filter((_, i) => i % 2 === 1).reverse(),
      ...originals.filter((_, i) => i % 2 === 0),
    ];
    for (const delivery of shuffled) await simulator.replay(corp.corpId, delivery.id);
    // Every replay lands on an inbox row that is already applied: nothing is queued again.
    expect(await CallbackInboxModel.countDocuments({ tenantId: TENANT, status: 'received' })).toBe(0);
    expect(await CustomerEventModel.countDocuments({ tenantId: TENANT })).toBe(before.events);
    expect(
      await CustomerModel.find({ tenantId: TENANT }, { follows: 1, tagIds: 1, adderUserids: 1 })
        .sort({ externalUserid: 1 })
        .lean(),
    ).toEqual(before.customers);
    expect(
      await CustomerGroupModel.find({ tenantId: TENANT }, { name: 1, ownerUserid: 1, members: 1 }).lean(),
    ).toEqual(before.groups);
  });

  it('re-applying every old event again, shuffled, as late deliveries from WeCom would, restores nothing stale', async () => {
    // Only this test applies events now: the tenant's workflow would also pick up rows put back to "received".
    await app.stopWorker();
    const view = async () => ({
      customers: (await CustomerModel.find({ tenantId: TENANT }).sort({ externalUserid: 1 }).lean()).map(
        (row) => ({
          id: row.externalUserid,
          tagIds: row.tagIds,
          adderUserids: row.adderUserids,
          follows: row.follows.map((follow) => [
            follow.userid,
            follow.tagIds,
            Boolean(follow.deletedAt),
            follow.deletedBy,
          ]),
        }),
      ),
      groups: (await CustomerGroupModel.find({ tenantId: TENANT }).sort({ chatId: 1 }).lean()).map((row) => ({
        name: row.name,
        owner: row.ownerUserid,
        members: row.members.map((member) => member.userid),
        dismissed: Boolean(row.dismissedAt),
      })),
      tags: (await CorpTagGroupModel.find({ tenantId: TENANT }).sort({ groupId: 1 }).lean()).map((row) => [
        row.name,
        row.tags.map((tag) => tag.name),
      ]),
      events: await CustomerEventModel.countDocuments({ tenantId: TENANT }),
    });
    const before = await view();
    const rows = await CallbackInboxModel.find({ tenantId: TENANT, source: 'customers' }, { key: 1 })
      .sort({ receivedAt: 1 })
      .lean();
    // As if every event arrived once more, late and out of order: the real activity against the simulator.
    await CallbackInboxModel.updateMany(
      { tenantId: TENANT, source: 'customers' },
      { $set: { status: 'received' } },
    );
    const wecom = new WeComClient({ baseUrl: app.config.wecomApiBase });
    const activities = createCustomerEventActivities({
      customers: createCustomersApi(wecom),
      corpTags: createCorpTagsApi(wecom),
      credentials: loadExternalContactCredentials,
      // No alerts are configured in this suite: there is no review to start.
      startAlertReviews: async () => {},
      customerIndexer: createCustomerIndexer(app.customerSearch),
      listSearch: app.listSearch,
    });
    const keys = rows.map((row) => row.key);
    const shuffled = [...keys.filter((_, i) => i % 2 === 1).reverse(), ...keys.filter((_, i) => i % 2 === 0)];
    for (const inboxKey of shuffled) await activities.applyCustomerEvent({ tenantId: TENANT, inboxKey });
    expect(await view()).toEqual(before);
  });
});

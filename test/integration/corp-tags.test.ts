// Slow (30 s): a change saved while Temporal is unreachable waits for the next corp-tag sync.
// Mostly waits: the change saved while Temporal is unreachable waits for the next corp-tag sync; the CPU stays mostly idle.
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { changeWithCorpTagWrite } from '../../api/modules/tags/corp-tag-write-queue';
import { renameCorpTagGroup } from '../../api/modules/tags/corp-tags.use-case';
import { createLogger } from '../../lib/logger';
import { CorpTagWriteModel } from '../../lib/models/corp-tag-write.model';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { storeTagGroups, tagGroupVersions } from '../../lib/customers/corp-tag-records';
import { groupKeyFilter, updateCorpTagGroup } from '../../lib/tags/corp-tag-store';
import { hasPendingCorpTagWrites } from '../../lib/tags/wake-corp-tag-writer';
import { createCustomerIndexer } from '../../lib/search/customer-indexer';
import { loadExternalContactCredentials } from '../../activities/tenant-credentials';
import { WeComClient } from '../../lib/wecom/client';
import { createCorpTagsApi } from '../../lib/wecom/corp-tags-api';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers } from '../support/customer-search';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';
import { startSwitchableProxy, type SwitchableProxy } from '../support/switchable-proxy';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('corp-tags');
const ADMIN_MOBILE = '13700000301';

interface TagView {
  id: string;
  name: string;
  color: string;
  pending: boolean;
  writeError: string | null;
}
interface GroupView extends TagView {
  tags: TagView[];
}

/**
 * 企业微信标签 (R-7.3.1, I-105) on the real stack: the api saves at once, the corp-tag-writes workflow
 * writes through to the simulator. WeCom is reached through a relay this suite can cut (a real outage).
 */
describe('标签管理 → 企业微信标签: written through to WeCom', () => {
  let app: TestApp;
  let proxy: SwitchableProxy;
  let corp: SimCorp;
  let admin: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    proxy = await startSwitchableProxy(stackEnv.wecomApiBase);
    app = await startTestApp('corp-tags', { WECOM_API_BASE: proxy.url });
    corp = await simulator.createCorp('标签测试企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    await app.startWorker();
  });

  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
  });

  const listed = async (): Promise<GroupView[]> =>
    (await admin.get('/api/tags/corp-groups').expect(200)).body.items;
  const groupNamed = async (name: string) => (await listed()).find((group) => group.name === name);
  const inWeCom = async (name: string) =>
    (await simulator.corpTags(corp.corpId)).tag_group.find((group) => group.group_name === name);
  /** The hourly corp-tag sync, run once now. */
  const runCorpTagSync = (run: string) =>
    executeWorkflow(app.temporal.workflow, 'corpTagSyncWorkflow', {
      workflowId: `${run}/${TENANT}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });
  /** The group once WeCom has created it and every tag has WeCom's id. */
  const written = (name: string) =>
    eventually(async () => {
      const group = await groupNamed(name);
      return group && !group.pending && group.tags.every((tag) => !tag.pending) ? group : undefined;
    });
  /** What 标签管理 hands its writes to, with a real client aimed at a port where no Temporal listens: the
   * hand-off fails as in an outage, and the write waits in the outbox for the next corp-tag sync. */
  const temporalUnreachable = () => ({
    temporal: {
      client: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) }),
      taskQueue: app.config.temporalTaskQueue,
    },
    log: createLogger('test', 'silent'),
  });
  /** A group created in 标签管理 with plain tags, once WeCom has it. */
  const createWritten = async (name: string, tagNames: string[]) => {
    await admin
      .post('/api/tags/corp-groups')
      .send({ name, tags: tagNames.map((tag) => ({ name: tag })) })
      .expect(201);
    return written(name);
  };

  it('a new tag group reaches WeCom with its first tags; pending ids become WeCom ids; colours stay here', async () => {
    const created = await admin
      .post('/api/tags/corp-groups')
      .send({ name: '客户等级', tags: [{ name: 'VIP', color: 'red' }, { name: '普通' }] })
      .expect(201);
    expect(created.body.id).toMatch(/^pending-/);
    expect(created.body.tags.map((tag: TagView) => [tag.name, tag.color])).toEqual([
      ['VIP', 'red'],
      ['普通', 'blue'],
    ]);

    const group = await written('客户等级');
    expect(group.id).toMatch(/^et/);
    const wecom = await inWeCom('客户等级');
    expect(wecom?.group_id).toBe(group.id);
    expect(wecom?.tag.map((tag) => [tag.id, tag.name])).toEqual(group.tags.map((tag) => [tag.id, tag.name]));
    // The pending ids still find the tag (a rename sent before WeCom answered is not lost).
    const stored = await CorpTagGroupModel.findOne({ tenantId: TENANT, groupId: group.id }).lean();
    expect(stored?.localId).toBe(created.body.id);
  });

  it('rename, 添加标签, edit and drag order reach WeCom', async () => {
    const group = await written('客户等级');
    await admin.put(`/api/tags/corp-groups/${group.id}`).send({ name: '会员等级' }).expect(200);
    await admin
      .post(`/api/tags/corp-groups/${group.id}/tags`)
      .send({ name: '黄金', color: 'orange' })
      .expect(201);
    const vip = group.tags.find((tag) => tag.name === 'VIP')!;
    await admin.put(`/api/tags/corp-tags/${vip.id}`).send({ name: '钻石', color: 'green' }).expect(200);

    const renamed = await written('会员等级');
    const ids = Object.fromEntries(renamed.tags.map((tag) => [tag.name, tag.id]));
    await admin
      .put(`/api/tags/corp-groups/${group.id}/tags-order`)
      .send({ ids: [ids['黄金'], ids['普通'], ids['钻石']] })
      .expect(200);

    await eventually(async () => {
      const wecom = await inWeCom('会员等级');
      const names = wecom?.tag.map((tag) => tag.name);
      return JSON.stringify(names) === JSON.stringify(['黄金', '普通', '钻石']);
    });
    const after = await groupNamed('会员等级');
    expect(after?.tags.map((tag) => [tag.name, tag.color])).toEqual([
      ['黄金', 'orange'],
      ['普通', 'blue'],
      ['钻石', 'green'],
    ]);

    // Each change is in the audit log with the group before and after.
    const logged = await AuditLogModel.find({ tenantId: TENANT, 'target.type': 'corp-tag-group' })
      .sort({ at: 1 })
      .lean();
    expect(logged.map((row) => row.action)).toEqual(
      expect.arrayContaining(['tag-group.create', 'tag-group.edit', 'tag.create', 'tag.edit', 'tag.reorder']),
    );
    const rename = logged.find((row) => row.action === 'tag-group.edit');
    expect(rename).toMatchObject({ before: { name: '客户等级' }, after: { name: '会员等级' } });
    const edit = logged.find((row) => row.action === 'tag.edit');
    expect(edit?.before.tags).toContainEqual(expect.objectContaining({ name: 'VIP' }));
    expect(edit?.after.tags).toContainEqual(expect.objectContaining({ name: '钻石', color: 'green' }));
  });

  it('groups are dragged into WeCom order (larger order first)', async () => {
    const second = await createWritten('来源', ['展会']);
    const first = await written('会员等级');
    await admin
      .put('/api/tags/corp-groups-order')
      .send({ ids: [second.id, first.id] })
      .expect(200);
    expect((await listed()).map((group) => group.name)).toEqual(['来源', '会员等级']);
    // A stale list (a group deleted meanwhile) moves nothing.
    const stale = await admin.put('/api/tags/corp-groups-order').send({ ids: [first.id, 'et-gone'] });
    expect([stale.status, stale.body.error.message]).toEqual([404, '标签组不存在']);
    expect((await listed()).map((group) => group.name)).toEqual(['来源', '会员等级']);
    await eventually(async () => {
      const names = (await simulator.corpTags(corp.corpId)).tag_group.map((group) => group.group_name);
      return names[0] === '来源' && names[1] === '会员等级';
    });
  });

  it('names are at most 30 characters and unique within their group, with Chinese messages', async () => {
    const group = await written('会员等级');
    const tooLong = await admin
      .post(`/api/tags/corp-groups/${group.id}/tags`)
      .send({ name: '长'.repeat(31) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('标签名称不能超过30个字符');
    const twice = await admin.post(`/api/tags/corp-groups/${group.id}/tags`).send({ name: '普通' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('该标签组下已存在同名标签');
    const sameGroup = await admin.post('/api/tags/corp-groups').send({ name: '来源', tags: [{ name: 'x' }] });
    expect(sameGroup.status).toBe(409);
    expect(sameGroup.body.error.message).toBe('标签组名称已存在');
    const empty = await admin.post('/api/tags/corp-groups').send({ name: '空组', tags: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('请至少添加一个标签');
    const badColour = await admin
      .post(`/api/tags/corp-groups/${group.id}/tags`)
      .send({ name: '新', color: 'pink' });
    expect(badColour.status).toBe(400);
    expect(badColour.body.error.message).toContain('请选择标签颜色');
    // Another group may use the same tag name.
    const source = await written('来源');
    await admin.post(`/api/tags/corp-groups/${source.id}/tags`).send({ name: '普通' }).expect(201);
  });

  it('deleting a tag or a group removes it in WeCom and from every customer', async () => {
    const group = await written('会员等级');
    const source = await written('来源');
    const ids = Object.fromEntries(group.tags.map((tag) => [tag.name, tag.id]));
    const fair = source.tags.find((tag) => tag.name === '展会')!.id;
    const follows = [
      {
        userid: 'u1',
        addedAt: new Date('2026-01-01'),
        tagIds: [ids['钻石'], ids['普通']],
        remarkMobiles: [],
        addWay: 1,
      },
      {
        userid: 'u2',
        addedAt: new Date('2026-02-01'),
        tagIds: [ids['钻石'], fair],
        remarkMobiles: [],
        addWay: 1,
      },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-tagged',
      name: '打了标签的客户',
      follows,
      ...deriveCustomerFields(follows),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);

    await admin.delete(`/api/tags/corp-tags/${ids['钻石']}`).expect(204);
    await admin.delete(`/api/tags/corp-groups/${source.id}`).expect(204);
    expect((await groupNamed('会员等级'))?.tags.map((tag) => tag.name)).toEqual(['黄金', '普通']);
    expect(await groupNamed('来源')).toBeUndefined();

    const customer = await eventually(async () => {
      const found = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: 'wm-tagged' }).lean();
      return found && found.tagIds.length === 1 ? found : undefined;
    });
    expect(customer.tagIds).toEqual([ids['普通']]);
    expect(customer.follows.map((follow) => follow.tagIds)).toEqual([[ids['普通']], []]);
    await eventually(async () => {
      const wecom = await simulator.corpTags(corp.corpId);
      return !wecom.tag_group.some((g) => g.group_name === '来源') &&
        !wecom.tag_group.some((g) => g.tag.some((tag) => tag.id === ids['钻石']))
        ? true
        : undefined;
    });
  });

  it('a WeCom outage delays the writes but loses none; the newest name is what WeCom gets', async () => {
    proxy.setUp(false);
    const dropped = proxy.dropped;
    try {
      const created = await admin
        .post('/api/tags/corp-groups')
        .send({ name: '断网时新建', tags: [{ name: '甲' }] })
        .expect(201);
      await admin.put(`/api/tags/corp-groups/${created.body.id}`).send({ name: '断网后改名' }).expect(200);
      // The workflow has tried and failed at least once while WeCom was unreachable.
      await eventually(async () => proxy.dropped > dropped);
      expect(await inWeCom('断网后改名')).toBeUndefined();
      expect((await groupNamed('断网后改名'))?.pending).toBe(true);
    } finally {
      proxy.setUp(true);
    }
    const group = await eventually(async () => {
      const wecom = await inWeCom('断网后改名');
      return wecom?.tag.length === 1 ? wecom : undefined;
    }, 90_000);
    expect(await inWeCom('断网时新建')).toBeUndefined();
    expect((await written('断网后改名')).id).toBe(group.group_id);
  }, 120_000);

  it("WeCom's refusal is kept on the group and shown, and the queue moves on", async () => {
    await simulator.addCorpTags(corp.corpId, { group_name: '企微里已有', tag: [{ name: '某标签' }] });
    const group = await written('会员等级');
    await admin.put(`/api/tags/corp-groups/${group.id}`).send({ name: '企微里已有' }).expect(200);
    const refused = await eventually(async () => (await groupNamed('企微里已有'))?.writeError ?? undefined);
    expect(refused).toContain('企业微信拒绝了此操作');

    await createWritten('之后的组', ['乙']);
    expect(await inWeCom('之后的组')).toBeDefined();
  });

  it('a change saved while Temporal could not be reached reaches WeCom after the next corp-tag sync', async () => {
    const group = await createWritten('离线前', ['丙']);
    await renameCorpTagGroup(temporalUnreachable(), TENANT, group.id, '离线改名');
    const row = await CorpTagWriteModel.findOne({ tenantId: TENANT, status: 'pending' }).lean();
    expect(row?.write).toMatchObject({ kind: 'rename', key: group.id });

    // The hourly sync finds it pending: it hands it over and keeps our name rather than WeCom's older one.
    await runCorpTagSync('tags-offline');
    expect((await groupNamed('离线改名'))?.id).toBe(group.id);
    await eventually(async () => (await inWeCom('离线改名')) !== undefined);
    await eventually(
      async () =>
        (await CorpTagWriteModel.findOne({ tenantId: TENANT, _id: row!._id }).lean())?.status === 'applied',
    );
  });

  it('tags WeCom answers as deleted (get_corp_tag_list by id) leave the tag list and the customers', async () => {
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    const created = await customerScenario.addCorpTags(corp.corpId, {
      group_name: '渠道',
      tag: [{ name: '线上' }, { name: '线下' }],
    });
    const groupId = created.tag_group.group_id;
    const [online, offline] = created.tag_group.tag.map((tag) => tag.id);
    await eventually(async () => (await groupNamed('渠道'))?.tags.length === 2);
    const follows = [
      {
        userid: 'u1',
        addedAt: new Date('2026-03-01'),
        tagIds: [online, offline],
        remarkMobiles: [],
        addWay: 1,
      },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-channel',
      name: '渠道客户',
      follows,
      ...deriveCustomerFields(follows),
    });
    const channelCustomer = () =>
      CustomerModel.findOne({ tenantId: TENANT, externalUserid: 'wm-channel' }).lean();

    // 线上 is deleted through WeCom's API, which announces nothing: as a deletion whose event never reached us.
    const wecom = createCorpTagsApi(new WeComClient({ baseUrl: stackEnv.wecomApiBase }));
    await wecom.remove(await loadExternalContactCredentials(TENANT), { tagIds: [online], groupIds: [] });
    // Renaming 线下 has the group read by id, and WeCom answers 线上 in it, flagged deleted.
    await customerScenario.editCorpTag(corp.corpId, offline, { name: '线下门店' });
    await eventually(async () => {
      const names = (await groupNamed('渠道'))?.tags.map((tag) => tag.name);
      if (JSON.stringify(names) === JSON.stringify(['线下门店'])) return true;
      throw new Error(`渠道 holds ${JSON.stringify(names)}`);
    });
    const withoutOnline = await eventually(async () => {
      const found = await channelCustomer();
      return found?.tagIds.length === 1 ? found : undefined;
    });
    expect(withoutOnline.tagIds).toEqual([offline]);
    expect(withoutOnline.follows[0].tagIds).toEqual([offline]);

    // The group deleted in WeCom: its delete event reads it by id, and WeCom answers it flagged deleted.
    await customerScenario.deleteCorpTag(corp.corpId, groupId);
    await eventually(async () => (await groupNamed('渠道')) === undefined);
    expect(await CorpTagGroupModel.countDocuments({ tenantId: TENANT, groupId })).toBe(0);
    expect(
      (
        await eventually(async () => {
          const found = await channelCustomer();
          return found?.tagIds.length === 0 ? found : undefined;
        })
      ).follows[0].tagIds,
    ).toEqual([]);
  });

  it('a WeCom answer read before an edit here never undoes the edit (the sync and change events store after it)', async () => {
    const group = await createWritten('竞态', ['甲', '乙']);
    await eventually(async () => (await inWeCom('竞态'))?.tag.length === 2);
    // What a sync or a change event holds: the stored versions, then WeCom's group as it was.
    const versions = await tagGroupVersions(TENANT);
    const readFromWeCom = (await inWeCom('竞态'))!;
    const ids = Object.fromEntries(group.tags.map((tag) => [tag.name, tag.id]));
    // Meanwhile the operator drags 乙 first.
    await admin
      .put(`/api/tags/corp-groups/${group.id}/tags-order`)
      .send({ ids: [ids['乙'], ids['甲']] })
      .expect(200);
    await storeTagGroups(
      TENANT,
      [readFromWeCom],
      new Date(),
      createCustomerIndexer(app.customerSearch),
      versions,
    );
    expect((await groupNamed('竞态'))?.tags.map((tag) => tag.name)).toEqual(['乙', '甲']);
    await eventually(async () => {
      const names = (await inWeCom('竞态'))?.tag.map((tag) => tag.name);
      return JSON.stringify(names) === JSON.stringify(['乙', '甲']);
    });
  });

  it('a tag deleted in WeCom while a rename here waits for WeCom leaves the group; the rename stays', async () => {
    const group = await createWritten('删除前', ['甲', '乙']);
    const second = group.tags.find((tag) => tag.name === '乙')!;
    await renameCorpTagGroup(temporalUnreachable(), TENANT, group.id, '删除时改名');
    // 乙 deleted in WeCom's console: its delete event reads the group from WeCom, which still has the old name.
    await customerScenario.deleteCorpTag(corp.corpId, second.id);
    const after = await eventually(async () => {
      const found = await groupNamed('删除时改名');
      if (JSON.stringify(found?.tags.map((tag) => tag.name)) === '["甲"]') return found;
      throw new Error(
        `the group is ${JSON.stringify(await CorpTagGroupModel.findOne({ tenantId: TENANT, groupId: group.id }).lean())}`,
      );
    });
    expect(after.id).toBe(group.id);
    await runCorpTagSync('tags-deleted-while-renaming');
    await eventually(async () => (await inWeCom('删除时改名'))?.tag.length === 1);
  });

  it('a write that turns pending while the check reads the outbox still holds WeCom back', async () => {
    // A tenant of its own, so that only this write is in its outbox.
    const tenantId = `${TENANT}-moving`;
    await CorpTagWriteModel.collection.insertOne({
      _id: 'moving' as never,
      tenantId,
      write: { writeId: 'moving', kind: 'rename', target: 'group', key: 'et-moving' },
      status: 'saving',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    // The change is saved, and its write turns pending, right after the check's first read of the outbox,
    // whichever read that is (CI once lost a rename to that moment).
    let moved = false;
    const turnPendingAfterFirstRead = <Q extends { post(fn: () => Promise<void>): Q }>(query: Q) =>
      query.post(async () => {
        if (moved) return;
        moved = true;
        await CorpTagWriteModel.collection.updateOne(
          { _id: 'moving' as never },
          { $set: { status: 'pending' } },
        );
      });
    const find = CorpTagWriteModel.find.bind(CorpTagWriteModel);
    const exists = CorpTagWriteModel.exists.bind(CorpTagWriteModel);
    const reads = [
      jest
        .spyOn(CorpTagWriteModel, 'find')
        .mockImplementation(((...args: Parameters<typeof find>) =>
          turnPendingAfterFirstRead(find(...args))) as never),
      jest
        .spyOn(CorpTagWriteModel, 'exists')
        .mockImplementation(((...args: Parameters<typeof exists>) =>
          turnPendingAfterFirstRead(exists(...args))) as never),
    ];
    try {
      expect(await hasPendingCorpTagWrites(tenantId)).toBe(true);
      expect(moved).toBe(true);
    } finally {
      for (const read of reads) read.mockRestore();
      await CorpTagWriteModel.collection.deleteOne({ _id: 'moving' as never });
    }
  });

  it('a sync that reads WeCom while an edit here is being saved keeps the edit; an abandoned save holds nothing back', async () => {
    const group = await createWritten('保存中', ['丁']);
    const queue = {
      temporal: { client: app.temporal, taskQueue: app.config.temporalTaskQueue },
      log: createLogger('test', 'silent'),
    };
    // The hourly sync reads WeCom between the local rename and its hand-off to the write-through workflow.
    await changeWithCorpTagWrite(
      queue,
      TENANT,
      { kind: 'rename', target: 'group', key: group.id },
      async () => {
        await updateCorpTagGroup(groupKeyFilter(TENANT, group.id), () => ({ name: '保存中改名' }));
        await runCorpTagSync('tags-saving');
      },
    );
    expect((await groupNamed('保存中改名'))?.id).toBe(group.id);
    await eventually(async () => (await inWeCom('保存中改名')) !== undefined);

    // An api that stopped mid-change left its write `saving`: after a minute it no longer counts, and the next
    // hand-off drops it.
    await eventually(async () => !(await hasPendingCorpTagWrites(TENANT)));
    await CorpTagWriteModel.collection.insertOne({
      _id: 'abandoned-save' as never,
      tenantId: TENANT,
      write: { writeId: 'abandoned-save', kind: 'rename', target: 'group', key: group.id },
      status: 'saving',
      createdAt: new Date(Date.now() - 61_000),
      updatedAt: new Date(Date.now() - 61_000),
    });
    expect(await hasPendingCorpTagWrites(TENANT)).toBe(false);
    await admin.put(`/api/tags/corp-groups/${group.id}`).send({ name: '保存中再改名' }).expect(200);
    expect(await CorpTagWriteModel.exists({ tenantId: TENANT, _id: 'abandoned-save' })).toBeNull();
    await eventually(async () => (await inWeCom('保存中再改名')) !== undefined);
  });
});

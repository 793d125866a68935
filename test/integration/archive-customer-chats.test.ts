import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import request from 'supertest';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { startTestApp, type TestApp } from '../support/app-harness';
import { CHAT_INDEX, rotateArchiveKey, testSearchClient } from '../support/archive-fixture';
import {
  archiveScenario,
  populateCustomerCorp,
  simulator,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('custchats');
const OTHER_TENANT = freshTenantId('custchats-other');
const DAY_MS = 24 * 60 * 60 * 1000;
/** A customer group 张三 is in, and one he is not in. */
const HIS_ROOM = 'wrCustChatsRoomWithZhang01';
const OTHER_ROOM = 'wrCustChatsRoomWithoutZhang';

interface ConversationPage {
  items: Array<{ conversationId: string; chatKind: string; peer: { kind: string; id: string } }>;
  total: number;
}
interface SearchPage {
  items: Array<{ conversationId: string; msgtype: string; segments: Array<{ text: string; hit: boolean }> }>;
  total: number;
}

/**
 * 客户详情 → 企微会话记录 and the H5 chat list (R-3.1.5, I-51, I-52) on the real stack: one customer's single chats
 * with any staff and the groups he is in, filtered by 员工, 聊天时间 and 消息类型, keyword search within them,
 * within the tenant and the caller's 数据权限.
 */
describe('企微会话记录: one customer’s archived chats', () => {
  let app: TestApp;
  let built: SmallCustomerCorp;
  let es: ElasticsearchClient;
  let admin: request.Agent;
  let zhang: string;
  const single = (userid: string) => `single:${[userid, zhang].sort().join('|')}`;
  /** The China day ten days ago: wangwei's chat is only there. */
  const tenDaysAgo = businessDay(new Date(Date.now() - 10 * DAY_MS));

  beforeAll(async () => {
    app = await startTestApp('archive-customer-chats');
    es = testSearchClient();
    const corp = await simulator.createCorp('企微会话记录企业');
    built = await populateCustomerCorp(corp.corpId);
    zhang = built.customers[0];
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000071' });
    for (const [userid, name, mobile] of [
      ['lina', '销售1', '13700000072'],
      ['wangwei', '销售2', '13700000073'],
    ]) {
      await StaffModel.create({
        tenantId: TENANT,
        roleId: roles.staff,
        userid,
        name,
        mobile,
        departmentIds: [1],
      });
    }
    const otherCorp = await simulator.createCorp('另一家企业');
    await createBoundTenant(OTHER_TENANT, otherCorp, { adminMobile: '13700000074' });
    await app.startWorker();
    await rotateArchiveKey([TENANT], corp.corpId);
    const text = (
      from: string,
      tolist: string[],
      content: string,
      extra: { roomid?: string; msgtime?: number } = {},
    ) =>
      archiveScenario.archiveMessage(corp.corpId, {
        from,
        tolist,
        msgtype: 'text',
        body: { content },
        ...extra,
      });
    await text('lina', [zhang], '这是新的报价单');
    await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [zhang],
      msgtype: 'link',
      body: {
        title: '报价单链接',
        description: '点开查看',
        link_url: 'https://example.com/q',
        image_url: '',
      },
    });
    await text(zhang, ['lina'], '收到');
    await text('wangwei', [zhang], '合同报价确认', { msgtime: Date.now() - 10 * DAY_MS });
    await text('zhaomin', [zhang], '赵敏发的报价');
    await text('lina', [zhang, 'wangwei'], '群里的报价讨论', { roomid: HIS_ROOM });
    await text('lina', ['wangwei', 'zhaomin'], '没有张三的群里也谈报价', { roomid: OTHER_ROOM });
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/custchats`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    await es.indices.refresh({ index: CHAT_INDEX });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000071', password: ADMIN_PASSWORD }).expect(200);
  }, 240_000);

  afterAll(async () => {
    await es?.close();
    await app?.stop();
  });

  const conversationIds = async (agent: request.Agent, query: Record<string, unknown>) => {
    const page = (
      await agent
        .get('/api/archive/conversations')
        .query({ externalUserid: zhang, range: 'all', ...query })
        .expect(200)
    ).body as ConversationPage;
    expect(page.total).toBe(page.items.length);
    return page.items.map((c) => c.conversationId).sort();
  };
  const search = async (agent: request.Agent, query: Record<string, unknown>) =>
    (
      await agent
        .get('/api/archive/search')
        .query({ externalUserid: zhang, keyword: '报价', pageSize: 50, ...query })
        .expect(200)
    ).body as SearchPage;

  it('lists his single chats with any staff and the groups he is in (I-51)', async () => {
    const page = (
      await admin.get('/api/archive/conversations').query({ externalUserid: zhang, range: 'all' }).expect(200)
    ).body as ConversationPage;
    expect(page.items.map((c) => c.conversationId).sort()).toEqual(
      [single('lina'), single('wangwei'), single('zhaomin'), `room:${HIS_ROOM}`].sort(),
    );
    expect(page.items.find((c) => c.chatKind === 'group')?.peer).toMatchObject({
      kind: 'group',
      id: HIS_ROOM,
    });
    expect(page.items.find((c) => c.conversationId === single('wangwei'))?.peer).toMatchObject({
      kind: 'staff',
      id: 'wangwei',
    });
  });

  it('filters the list by 员工, 消息类型 and 聊天时间 (I-52)', async () => {
    expect(await conversationIds(admin, { staffUserid: 'wangwei' })).toEqual(
      [single('wangwei'), `room:${HIS_ROOM}`].sort(),
    );
    expect(await conversationIds(admin, { msgtype: 'link' })).toEqual([single('lina')]);
    expect(await conversationIds(admin, { from: tenDaysAgo, to: tenDaysAgo })).toEqual([single('wangwei')]);
    expect(await conversationIds(admin, { staffUserid: 'lina', msgtype: 'text', to: tenDaysAgo })).toEqual(
      [],
    );
    const wrongType = await admin
      .get('/api/archive/conversations')
      .query({ externalUserid: zhang, msgtype: 'voice' })
      .expect(400);
    expect(JSON.stringify(wrongType.body)).toContain('消息类型有误');
    await admin.get('/api/archive/conversations').query({ range: 'all' }).expect(400);
  });

  it('searches his chats for a keyword under the same filters, hits marked (R-3.1.5-04)', async () => {
    const all = await search(admin, {});
    expect(all.items.map((hit) => hit.conversationId).sort()).toEqual(
      [single('lina'), single('lina'), single('wangwei'), single('zhaomin'), `room:${HIS_ROOM}`].sort(),
    );
    for (const hit of all.items)
      expect(hit.segments.filter((s) => s.hit).map((s) => s.text)).toContain('报价');
    const withLina = await search(admin, { staffUserid: 'lina' });
    expect(new Set(withLina.items.map((hit) => hit.conversationId))).toEqual(
      new Set([single('lina'), `room:${HIS_ROOM}`]),
    );
    const links = await search(admin, { msgtype: 'link' });
    expect(links.items.map((hit) => [hit.conversationId, hit.msgtype])).toEqual([[single('lina'), 'link']]);
    const old = await search(admin, { from: tenDaysAgo, to: tenDaysAgo });
    expect(old.items.map((hit) => hit.segments.map((s) => s.text).join(''))).toEqual(['合同报价确认']);
  });

  it('keeps a 只看本人 member to the chats with themselves (数据权限)', async () => {
    await admin.put('/api/org/staff/wangwei/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/wangwei/password').send({ password: 'Staff1234' }).expect(204);
    const wangwei = request.agent(app.baseUrl);
    await wangwei.post('/api/auth/login').send({ phone: '13700000073', password: 'Staff1234' }).expect(200);

    expect(await conversationIds(wangwei, {})).toEqual([single('wangwei'), `room:${HIS_ROOM}`].sort());
    await wangwei
      .get('/api/archive/conversations')
      .query({ externalUserid: zhang, staffUserid: 'lina' })
      .expect(403);
    await wangwei
      .get('/api/archive/search')
      .query({ externalUserid: zhang, staffUserid: 'lina', keyword: '报价' })
      .expect(403);
    const found = await search(wangwei, {});
    expect(new Set(found.items.map((hit) => hit.conversationId))).toEqual(
      new Set([single('wangwei'), `room:${HIS_ROOM}`]),
    );
    const linas = await wangwei
      .get('/api/archive/messages')
      .query({ conversationId: single('lina') })
      .expect(200);
    expect(linas.body.items).toEqual([]);
  });

  it('shows another tenant none of it', async () => {
    const other = request.agent(app.baseUrl);
    await other.post('/api/auth/login').send({ phone: '13700000074', password: ADMIN_PASSWORD }).expect(200);
    expect(await conversationIds(other, {})).toEqual([]);
    expect((await search(other, {})).total).toBe(0);
    const messages = await other
      .get('/api/archive/messages')
      .query({ conversationId: single('lina') })
      .expect(200);
    expect(messages.body.items).toEqual([]);
  });
});

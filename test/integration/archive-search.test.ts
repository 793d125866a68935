import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import request from 'supertest';
import { ChatConversationModel } from '../../lib/models/chat-conversation.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { CHAT_INDEX, rotateArchiveKey, testSearchClient } from '../support/archive-fixture';
import {
  archiveScenario,
  populateCustomerCorp,
  simulator,
  type SmallCustomerCorp,
} from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('archsearch');
const DAY_MS = 24 * 60 * 60 * 1000;
const OLD_CONTACT = 'wmArchSearchOldContact01';

interface ConversationPage {
  items: Array<{
    conversationId: string;
    chatKind: string;
    peer: { kind: string; id: string; name: string };
    lastMessageAt: string;
    lastMessage: { content: string };
  }>;
  total: number;
}
interface SearchPage {
  items: Array<{
    msgid: string;
    conversationId: string;
    peer: { kind: string; id: string; name: string };
    msgtime: string;
    segments: Array<{ text: string; hit: boolean }>;
  }>;
  total: number;
}

/** R-5.1.1, R-5.1.2, R-3.1.5-04: 内容存档's chat lists, customer list and keyword search on the real stack. */
describe('内容存档 search', () => {
  let app: TestApp;
  let built: SmallCustomerCorp;
  let es: ElasticsearchClient;
  let admin: request.Agent;
  /** A chat 60 days old: outside 近30天, inside 全部. */
  let oldConversation: string;

  beforeAll(async () => {
    app = await startTestApp('archive-search');
    es = testSearchClient();
    const corp = await simulator.createCorp('存档检索企业');
    built = await populateCustomerCorp(corp.corpId);
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000061' });
    await StaffModel.create({
      tenantId: TENANT,
      roleId: roles.staff,
      userid: 'lina',
      name: '销售1',
      mobile: '13700000062',
      departmentIds: [1],
    });
    await StaffModel.create({
      tenantId: TENANT,
      roleId: roles.staff,
      userid: 'wangwei',
      name: '销售2',
      mobile: '13700000063',
      departmentIds: [1],
    });
    await app.startWorker();
    await executeWorkflow(app.temporal.workflow, 'customerSyncWorkflow', {
      workflowId: `customers-sync/${TENANT}/archsearch`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'manual' }],
    });
    await rotateArchiveKey([TENANT], corp.corpId);
    await archiveScenario.generateConversations(corp.corpId, { count: 150, days: 7 });
    // An external contact the generated traffic never talks to, last heard 60 days ago.
    await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [OLD_CONTACT],
      msgtime: Date.now() - 60 * DAY_MS,
      msgtype: 'text',
      body: { content: '季度合同续签的事下周再谈' },
    });
    oldConversation = `single:${['lina', OLD_CONTACT].sort().join('|')}`;
    for (const content of ['合同明细已发', '报价单已更新', '请确认报价', '这份报价有效期一周']) {
      await archiveScenario.archiveMessage(corp.corpId, {
        from: 'lina',
        tolist: [built.customers[0]],
        msgtype: 'text',
        body: { content },
      });
    }
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/archsearch`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    // 按客户检索 lists customers who agreed to archiving: the generated traffic's customers never answered
    // (Default_Agree).
    await executeWorkflow(app.temporal.workflow, 'archiveConsentSyncWorkflow', {
      workflowId: `archive-consent/${TENANT}/archsearch`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    await es.indices.refresh({ index: CHAT_INDEX });
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: '13700000061', password: ADMIN_PASSWORD }).expect(200);
  }, 240_000);

  afterAll(async () => {
    await es?.close();
    await app?.stop();
  });

  const conversations = async (query: Record<string, unknown>) =>
    (await admin.get('/api/archive/conversations').query(query).expect(200)).body as ConversationPage;

  it("lists one staff member's conversations newest first, 近30天 by default, with the other party", async () => {
    const stored = (await ChatMessageModel.distinct('conversationId', {
      tenantId: TENANT,
      staffUserids: 'lina',
    })) as string[];
    const all = await conversations({ staffUserid: 'lina', range: 'all', pageSize: 100 });
    expect(all.total).toBe(stored.length);
    expect(all.items.map((c) => c.conversationId).sort()).toEqual([...stored].sort());
    const times = all.items.map((c) => Date.parse(c.lastMessageAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(all.items.map((c) => c.chatKind))).toEqual(new Set(['internal', 'external', 'group']));

    const recent = await conversations({ staffUserid: 'lina' });
    expect(recent.items.map((c) => c.conversationId)).not.toContain(oldConversation);
    expect(all.items.map((c) => c.conversationId)).toContain(oldConversation);
    expect(recent.total).toBe(all.total - 1);
    const ninety = await conversations({ staffUserid: 'lina', range: '90d' });
    expect(ninety.total).toBe(all.total);

    const old = all.items.find((c) => c.conversationId === oldConversation)!;
    // Not a synced customer: said so, with a shortened WeCom id.
    expect(old.peer).toMatchObject({ kind: 'customer', id: OLD_CONTACT, name: '未知客户（wmArch…ct01）' });
    const synced = all.items.find(
      (c) => c.conversationId === `single:${['lina', built.customers[0]].sort().join('|')}`,
    )!;
    expect(synced.peer.kind).toBe('customer');
    expect(synced.peer.name).not.toBe(built.customers[0]);
    expect(old.lastMessage.content).toBe('季度合同续签的事下周再谈');
    const group = all.items.find((c) => c.chatKind === 'group')!;
    expect(group.peer.kind).toBe('group');

    const groups = await conversations({ staffUserid: 'lina', range: 'all', chatKind: 'group' });
    expect(groups.items.every((c) => c.chatKind === 'group')).toBe(true);
    const first = await conversations({ staffUserid: 'lina', range: 'all', pageSize: 2, page: 1 });
    const second = await conversations({ staffUserid: 'lina', range: 'all', pageSize: 2, page: 2 });
    expect(first.items.map((c) => c.conversationId)).toEqual(
      all.items.slice(0, 2).map((c) => c.conversationId),
    );
    expect(second.items.map((c) => c.conversationId)).toEqual(
      all.items.slice(2, 4).map((c) => c.conversationId),
    );
  });

  it('keeps the summaries equal to the stored messages when the archive is read again', async () => {
    const before = await ChatConversationModel.find({ tenantId: TENANT }).sort({ _id: 1 }).lean();
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/archsearch-again`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    expect(await ChatConversationModel.find({ tenantId: TENANT }).sort({ _id: 1 }).lean()).toEqual(before);
  }, 60_000);

  it('按客户检索 lists consenting customers with archived chats, last communication first, and their conversations', async () => {
    type CustomerPage = {
      items: Array<{ externalUserid: string; name: string; lastContactAt: string }>;
      total: number;
    };
    // The list is read from the customer index, which the ingest's 最近沟通时间 reaches a moment after MongoDB.
    const customers = await eventually(async () => {
      const page = (await admin.get('/api/archive/customers').expect(200)).body as CustomerPage;
      return page.items.some((c) => c.externalUserid === built.customers[0]) && page;
    });
    expect(customers.items.map((c) => c.externalUserid)).toContain(built.customers[0]);
    const times = customers.items.map((c) => Date.parse(c.lastContactAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const named = customers.items.find((c) => c.externalUserid === built.customers[0])!;
    const byName = (await admin.get('/api/archive/customers').query({ keyword: named.name }).expect(200))
      .body as {
      items: Array<{ externalUserid: string }>;
    };
    expect(byName.items.map((c) => c.externalUserid)).toContain(built.customers[0]);

    const theirs = await conversations({ externalUserid: built.customers[0], range: 'all' });
    const stored = (await ChatMessageModel.distinct('conversationId', {
      tenantId: TENANT,
      externalUserids: built.customers[0],
    })) as string[];
    expect(theirs.items.map((c) => c.conversationId).sort()).toEqual([...stored].sort());
    const single = theirs.items.find(
      (c) => c.conversationId === `single:${['lina', built.customers[0]].sort().join('|')}`,
    )!;
    expect(single.peer).toMatchObject({ kind: 'staff', id: 'lina', name: '销售1' });

    await admin.get('/api/archive/conversations').query({}).expect(400);
  });

  it('finds messages containing a two-character Chinese keyword, newest first, hits marked, paged', async () => {
    const stored = await ChatMessageModel.countDocuments({
      tenantId: TENANT,
      staffUserids: 'lina',
      content: /报价/,
    });
    expect(stored).toBeGreaterThan(2);
    const page = async (query: Record<string, unknown>) =>
      (
        await admin
          .get('/api/archive/search')
          .query({ staffUserid: 'lina', keyword: '报价', ...query })
          .expect(200)
      ).body as SearchPage;
    const all = await page({ pageSize: 100 });
    expect(all.total).toBe(stored);
    const times = all.items.map((hit) => Date.parse(hit.msgtime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const hit of all.items) {
      expect(hit.segments.filter((s) => s.hit).map((s) => s.text)).toContain('报价');
      expect(hit.segments.map((s) => s.text).join('')).toContain('报价');
    }
    // Each hit says whose chat it is, by name: lina's quotes went to 张三.
    const withZhang = `single:${['lina', built.customers[0]].sort().join('|')}`;
    const toZhang = all.items.filter((hit) => hit.conversationId === withZhang);
    expect(toZhang.length).toBeGreaterThanOrEqual(3);
    for (const hit of toZhang) {
      expect(hit.peer).toMatchObject({ kind: 'customer', id: built.customers[0], name: '张三' });
    }
    const first = await page({ pageSize: 2, page: 1 });
    const second = await page({ pageSize: 2, page: 2 });
    expect([...first.items, ...second.items].map((h) => h.msgid)).toEqual(
      all.items.slice(0, 4).map((h) => h.msgid),
    );

    const old = (
      await admin
        .get('/api/archive/search')
        .query({ staffUserid: 'lina', keyword: '续签', conversationId: oldConversation })
        .expect(200)
    ).body as SearchPage;
    expect(old.items).toHaveLength(1);
    expect(old.items[0].peer.name).toBe('未知客户（wmArch…ct01）');
    expect(old.items[0].segments).toEqual([
      { text: '季度合同', hit: false },
      { text: '续签', hit: true },
      { text: '的事下周再谈', hit: false },
    ]);
    const byCustomer = (
      await admin
        .get('/api/archive/search')
        .query({ externalUserid: OLD_CONTACT, keyword: '续签' })
        .expect(200)
    ).body as SearchPage;
    expect(byCustomer.total).toBe(1);
    // Searched by customer, the hit names the staff member the chat is with.
    expect(byCustomer.items[0].peer).toMatchObject({ kind: 'staff', id: 'lina', name: '销售1' });

    // One character is a keyword too (an operator looks for 报 alone).
    const single = (
      await admin.get('/api/archive/search').query({ staffUserid: 'lina', keyword: '报' }).expect(200)
    ).body as SearchPage;
    expect(single.total).toBe(
      await ChatMessageModel.countDocuments({ tenantId: TENANT, staffUserids: 'lina', content: /报/ }),
    );
    const blank = await admin
      .get('/api/archive/search')
      .query({ staffUserid: 'lina', keyword: ' ' })
      .expect(400);
    expect(JSON.stringify(blank.body)).toContain('请输入关键词');
  });

  it('keeps a 只看本人 member to their own chats (数据权限)', async () => {
    await admin.put('/api/org/staff/wangwei/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/wangwei/password').send({ password: 'Staff1234' }).expect(204);
    const wangwei = request.agent(app.baseUrl);
    await wangwei.post('/api/auth/login').send({ phone: '13700000063', password: 'Staff1234' }).expect(200);

    await wangwei.get('/api/archive/conversations').query({ staffUserid: 'lina' }).expect(403);
    await wangwei.get('/api/archive/search').query({ staffUserid: 'lina', keyword: '报价' }).expect(403);
    const own = (
      await wangwei
        .get('/api/archive/conversations')
        .query({ staffUserid: 'wangwei', range: 'all' })
        .expect(200)
    ).body as ConversationPage;
    expect(own.total).toBeGreaterThan(0);
    // The contact lina talked to 60 days ago: wangwei sees none of lina's chats with them.
    const theirs = (
      await wangwei
        .get('/api/archive/conversations')
        .query({ externalUserid: OLD_CONTACT, range: 'all' })
        .expect(200)
    ).body as ConversationPage;
    expect(theirs.items.map((c) => c.conversationId)).not.toContain(oldConversation);
    const found = (
      await wangwei
        .get('/api/archive/search')
        .query({ externalUserid: OLD_CONTACT, keyword: '续签' })
        .expect(200)
    ).body as SearchPage;
    expect(found.total).toBe(0);
  });
});

// Slow (30 s): operators race each other over category trees and items, and side-panel presses race their tallies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type {
  KnowledgeCategoryNode,
  KnowledgeItem,
  KnowledgeTree,
} from '../../lib/contracts/knowledge.contract';
import { allCategoryIds, findCategory, treeDepth } from '../../lib/knowledge/category-tree';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { KnowledgeItemModel } from '../../lib/models/knowledge-item.model';
import { KnowledgeUsageModel, KnowledgeUsageSlotModel } from '../../lib/models/knowledge-usage.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('knowledge');
const ADMIN_MOBILE = '13700000151';
const MEMBER_MOBILE = '13700000152';
type Agent = ReturnType<typeof request.agent>;

/** 知识库 (R-4, issue 15): trees, items, lists, link cards and the side panel, on the real stack. */
describe('知识库', () => {
  let app: TestApp;
  let admin: Agent;
  /** A second session of the admin: the other operator of the races. */
  let other: Agent;
  /** A member with the default role: 知识库 to view and use, nothing to change. */
  let member: Agent;

  beforeAll(async () => {
    app = await startTestApp('knowledge');
    const { roles } = await createTenant(TENANT, '知识库企业', { adminMobile: ADMIN_MOBILE });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: MEMBER_MOBILE,
      roleId: roles.staff,
    });
    const login = async (phone: string) => {
      const agent = request.agent(app.baseUrl);
      await agent.post('/api/auth/login').send({ phone, password: ADMIN_PASSWORD }).expect(200);
      return agent;
    };
    admin = await login(ADMIN_MOBILE);
    other = await login(ADMIN_MOBILE);
    member = await login(MEMBER_MOBILE);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const tree = async (kind: string, agent = admin) =>
    (await agent.get(`/api/knowledge/${kind}/tree`).expect(200)).body as KnowledgeTree;
  const addCategory = async (kind: string, name: string, parentId: string | null, agent = admin) =>
    (await agent.post(`/api/knowledge/${kind}/categories`).send({ name, parentId }).expect(201))
      .body as KnowledgeCategoryNode;
  const names = (nodes: KnowledgeCategoryNode[]) => nodes.map((node) => node.name);
  /** The tenant's audit rows, oldest first (filtered here: the store pushes down only top-level equality). */
  const auditRows = async () =>
    (await AuditLogModel.find({ tenantId: TENANT }).lean()).sort((a, b) => a.at.getTime() - b.at.getTime());

  describe('category trees', () => {
    it('start with 未分类, take four levels below the root and no fifth, none under 未分类', async () => {
      const empty = await tree('scripts');
      expect(empty.categories).toEqual([{ id: 'uncategorized', name: '未分类', fixed: true, children: [] }]);
      expect(empty.counts).toEqual({ uncategorized: 0 });

      const one = await addCategory('scripts', '售前', null);
      const two = await addCategory('scripts', '产品', one.id);
      const three = await addCategory('scripts', '价格', two.id);
      const four = await addCategory('scripts', '折扣', three.id);
      const fifth = await admin
        .post('/api/knowledge/scripts/categories')
        .send({ name: '太深', parentId: four.id })
        .expect(400);
      expect(fifth.body.error.message).toBe('分类最多4级');
      const underFixed = await admin
        .post('/api/knowledge/scripts/categories')
        .send({ name: '子类', parentId: 'uncategorized' })
        .expect(400);
      expect(underFixed.body.error.message).toBe('“未分类”下不能添加子分类');
      const twin = await admin
        .post('/api/knowledge/scripts/categories')
        .send({ name: '产品', parentId: one.id })
        .expect(400);
      expect(twin.body.error.message).toBe('同一级下已有名为“产品”的分类');
      const long = await admin
        .post('/api/knowledge/scripts/categories')
        .send({ name: '长'.repeat(31), parentId: null })
        .expect(400);
      expect(JSON.stringify(long.body)).toContain('分类名称最多30个字');
      await admin
        .post('/api/knowledge/scripts/categories')
        .send({ name: '孤儿', parentId: 'no-such-category' })
        .expect(404);

      const after = await tree('scripts');
      expect(treeDepth(after.categories)).toBe(4);
      expect(findCategory(after.categories, four.id)?.path.map((node) => node.name)).toEqual([
        '售前',
        '产品',
        '价格',
        '折扣',
      ]);
      // Each kind has its own tree.
      expect(names((await tree('phrases')).categories)).toEqual(['未分类']);
    });

    it('renames, reorders and re-parents within the limits, and deletes only what is empty', async () => {
      const a = await addCategory('phrases', '问候', null);
      const b = await addCategory('phrases', '催单', null);
      const c = await addCategory('phrases', '早上', a.id);

      const renamed = await admin
        .patch(`/api/knowledge/phrases/categories/${a.id}`)
        .send({ name: '问候语' })
        .expect(200);
      expect(renamed.body).toMatchObject({ id: a.id, name: '问候语' });
      await admin.patch('/api/knowledge/phrases/categories/uncategorized').send({ name: '其他' }).expect(400);

      const reordered = await admin
        .put(`/api/knowledge/phrases/categories/${b.id}/position`)
        .send({ parentId: null, index: 0 })
        .expect(200);
      expect(names(reordered.body)).toEqual(['催单', '未分类', '问候语']);
      await admin
        .put(`/api/knowledge/phrases/categories/${c.id}/position`)
        .send({ parentId: b.id, index: 0 })
        .expect(200);
      const moved = await tree('phrases');
      expect(findCategory(moved.categories, c.id)?.path.map((node) => node.id)).toEqual([b.id, c.id]);

      const self = await admin
        .put(`/api/knowledge/phrases/categories/${b.id}/position`)
        .send({ parentId: c.id, index: 0 })
        .expect(400);
      expect(self.body.error.message).toBe('不能移动到自身或其下级分类下');
      await admin
        .put('/api/knowledge/phrases/categories/uncategorized/position')
        .send({ parentId: null, index: 2 })
        .expect(400);
      // b > c, moved under a chain three deep, would reach a fifth level.
      const x = await addCategory('phrases', 'x', a.id);
      const y = await addCategory('phrases', 'y', x.id);
      const deep = await admin
        .put(`/api/knowledge/phrases/categories/${b.id}/position`)
        .send({ parentId: y.id, index: 0 })
        .expect(400);
      expect(deep.body.error.message).toBe('分类最多4级');

      const notEmpty = await admin.delete(`/api/knowledge/phrases/categories/${b.id}`).expect(409);
      expect(notEmpty.body.error.message).toBe('请先清除该分类下内容再进行删除');
      const item = await admin
        .post('/api/knowledge/phrases/items')
        .send({ content: '早上好', categoryId: c.id })
        .expect(201);
      const withItem = await admin.delete(`/api/knowledge/phrases/categories/${c.id}`).expect(409);
      expect(withItem.body.error.message).toBe('请先清除该分类下内容再进行删除');
      await admin.delete(`/api/knowledge/phrases/items/${item.body.id}`).expect(204);
      await admin.delete(`/api/knowledge/phrases/categories/${c.id}`).expect(204);
      await admin.delete(`/api/knowledge/phrases/categories/${b.id}`).expect(204);
      await admin.delete('/api/knowledge/phrases/categories/uncategorized').expect(400);
      expect(names((await tree('phrases')).categories)).toEqual(['未分类', '问候语']);

      const audit = (await auditRows()).filter((row) => row.target?.id === c.id);
      expect(audit.map((row) => row.action)).toEqual([
        'knowledge-category.create',
        'knowledge-category.move',
        'knowledge-category.delete',
      ]);
      expect(audit[1]).toMatchObject({
        before: { name: '早上', parentId: a.id, index: 0 },
        after: { name: '早上', parentId: b.id, index: 0 },
      });
    });

    it('keeps the tree whole under two operators racing creates, moves and deletes', async () => {
      const sessions = [admin, other];
      const firsts = await Promise.all(
        ['甲', '乙', '丙', '丁'].map((name, at) => addCategory('links', name, null, sessions[at % 2])),
      );
      const created: string[] = firsts.map((node) => node.id);
      const deleted = new Set<string>();
      const operations: Array<Promise<request.Response>> = [];
      for (let round = 0; round < 12; round += 1) {
        const agent = sessions[round % 2];
        const parent = firsts[round % firsts.length].id;
        operations.push(
          agent
            .post('/api/knowledge/links/categories')
            .send({ name: `子${round}`, parentId: parent })
            .then((response) => {
              if (response.status === 201) created.push(response.body.id);
              return response;
            }),
        );
        // Moves that together would make cycles (甲 under 乙 while 乙 goes under 甲) and go too deep.
        const from = firsts[round % 4].id;
        const to = firsts[(round + 1) % 4].id;
        operations.push(
          agent.put(`/api/knowledge/links/categories/${from}/position`).send({ parentId: to, index: 0 }),
          agent
            .put(`/api/knowledge/links/categories/${from}/position`)
            .send({ parentId: null, index: round }),
        );
        if (round % 3 === 2) {
          const victim = firsts[(round + 2) % 4].id;
          operations.push(
            agent.delete(`/api/knowledge/links/categories/${victim}`).then((response) => {
              if (response.status === 204) deleted.add(victim);
              return response;
            }),
          );
        }
      }
      // Each one done or refused by a rule (too deep, under itself, not empty, parent gone): never failed.
      const statuses = new Set((await Promise.all(operations)).map((response) => response.status));
      for (const status of statuses) expect([200, 201, 204, 400, 404, 409]).toContain(status);

      const final = (await tree('links')).categories;
      const ids = allCategoryIds(final);
      // No lost children: every category created and not deleted is there, once.
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id !== 'uncategorized').sort()).toEqual(
        created.filter((id) => !deleted.has(id)).sort(),
      );
      // No cycle (a category moved under its own descendant would be cut off from the root, and so missing
      // above) and the depth limit held.
      expect(treeDepth(final)).toBeLessThanOrEqual(4);
      expect(final.filter((node) => node.fixed).map((node) => node.id)).toEqual(['uncategorized']);
      expect(findCategory(final, 'uncategorized')?.node.children).toEqual([]);
    }, 120_000);

    it('moves an item saved into a category deleted at the same moment to 未分类', async () => {
      for (let round = 0; round < 5; round += 1) {
        const category = await addCategory('scripts', `将删${round}`, null);
        const [saved, removed] = await Promise.all([
          other
            .post('/api/knowledge/scripts/items')
            .send({ question: `竞态${round}`, answer: '答', categoryId: category.id }),
          admin.delete(`/api/knowledge/scripts/categories/${category.id}`),
        ]);
        expect([201, 400]).toContain(saved.status);
        expect([204, 409]).toContain(removed.status);
        const ids = new Set(allCategoryIds((await tree('scripts')).categories));
        const items = await KnowledgeItemModel.find({ tenantId: TENANT, kind: 'scripts' }).lean();
        for (const item of items)
          expect({ item: item.question, known: ids.has(item.categoryId) }).toEqual({
            item: item.question,
            known: true,
          });
      }
    }, 60_000);
  });

  describe('items and lists', () => {
    let category: KnowledgeCategoryNode;
    let child: KnowledgeCategoryNode;
    let script: KnowledgeItem;

    beforeAll(async () => {
      category = await addCategory('scripts', '物流', null);
      child = await addCategory('scripts', '退货', category.id);
    });

    it('creates, shows, edits and deletes a 话术 within the limits, 未分类 by default', async () => {
      const created = await admin
        .post('/api/knowledge/scripts/items')
        .send({ question: '  怎么退货  ', similar: ['如何办理退货', '退货流程'], answer: '七天无理由' })
        .expect(201);
      script = created.body;
      expect(script).toMatchObject({
        kind: 'scripts',
        question: '怎么退货',
        similar: ['如何办理退货', '退货流程'],
        answer: '七天无理由',
        categoryId: 'uncategorized',
        categoryName: '未分类',
        usageCount: 0,
      });
      const refusals = [
        [{ question: '问'.repeat(101), answer: '答' }, '问题名称最多100个字'],
        [{ question: '问', answer: '答'.repeat(1001) }, '答案最多1000个字'],
        [{ question: '问', answer: '答', similar: Array(11).fill('相似') }, '相似问最多10个'],
        [{ question: '问', answer: '答', similar: ['似'.repeat(101)] }, '相似问最多100个字'],
        [{ question: '', answer: '答' }, '请输入问题'],
      ] as const;
      for (const [body, message] of refusals) {
        const refused = await admin.post('/api/knowledge/scripts/items').send(body).expect(400);
        expect(JSON.stringify(refused.body)).toContain(message);
      }
      await admin
        .post('/api/knowledge/scripts/items')
        .send({ question: '问', answer: '答', categoryId: 'no-such' })
        .expect(400);

      const edited = await admin
        .put(`/api/knowledge/scripts/items/${script.id}`)
        .send({
          question: '怎么退货',
          similar: ['如何办理退货', '退货流程'],
          answer: '七天无理由退货',
          categoryId: child.id,
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        answer: '七天无理由退货',
        categoryId: child.id,
        categoryName: '退货',
      });
      script = edited.body;
      const shown = await admin.get(`/api/knowledge/scripts/items/${script.id}`).expect(200);
      expect(shown.body).toEqual(script);
      // The item is a 话术: not found as another kind.
      await admin.get(`/api/knowledge/phrases/items/${script.id}`).expect(404);

      const throwaway = await admin
        .post('/api/knowledge/scripts/items')
        .send({ question: '临时', answer: '删掉' })
        .expect(201);
      await admin.delete(`/api/knowledge/scripts/items/${throwaway.body.id}`).expect(204);
      await admin.get(`/api/knowledge/scripts/items/${throwaway.body.id}`).expect(404);

      const audit = (await auditRows()).filter((row) =>
        [script.id, throwaway.body.id].includes(row.target?.id ?? ''),
      );
      expect(audit.map((row) => `${row.action} ${row.target?.name}`)).toEqual([
        'knowledge-item.create 怎么退货',
        'knowledge-item.update 怎么退货',
        'knowledge-item.create 临时',
        'knowledge-item.delete 临时',
      ]);
    });

    it('checks 常用语 and 常用链接 limits', async () => {
      const phrase = await admin
        .post('/api/knowledge/phrases/items')
        .send({ content: '您好，在的' })
        .expect(201);
      expect(phrase.body).toMatchObject({
        kind: 'phrases',
        content: '您好，在的',
        categoryId: 'uncategorized',
      });
      const long = await admin
        .post('/api/knowledge/phrases/items')
        .send({ content: '字'.repeat(301) })
        .expect(400);
      expect(JSON.stringify(long.body)).toContain('常用语内容最多300个字');

      const link = await admin
        .post('/api/knowledge/links/items')
        .send({ name: '官网', url: 'https://example.com/a', title: '示例', description: '说明' })
        .expect(201);
      expect(link.body).toMatchObject({
        kind: 'links',
        name: '官网',
        url: 'https://example.com/a',
        title: '示例',
        description: '说明',
        coverUrl: '',
      });
      for (const [body, message] of [
        [{ name: '名'.repeat(31), url: 'https://example.com' }, '链接名称最多30个字'],
        [{ name: '坏', url: 'ftp://example.com' }, '请输入以http://或https://开头的有效链接'],
        [{ name: '坏', url: `https://example.com/${'a'.repeat(2040)}` }, '链接地址最多2048个字符'],
      ] as const) {
        const refused = await admin.post('/api/knowledge/links/items').send(body).expect(400);
        expect(JSON.stringify(refused.body)).toContain(message);
      }
    });

    it('lists a category with its descendants, searches 问题名称 and 相似问, sorts and pages', async () => {
      for (const [question, categoryId] of [
        ['运费谁出', category.id],
        ['多久到货', category.id],
        ['退款多久到账', child.id],
      ]) {
        await admin
          .post('/api/knowledge/scripts/items')
          .send({ question, answer: '答', categoryId })
          .expect(201);
      }
      const list = async (query: Record<string, unknown>) =>
        (await admin.get('/api/knowledge/scripts/items').query(query).expect(200)).body as {
          items: KnowledgeItem[];
          total: number;
        };
      const questions = (page: { items: KnowledgeItem[] }) =>
        page.items.map((item) => (item.kind === 'scripts' ? item.question : ''));

      const inCategory = await list({ categoryId: category.id });
      expect(inCategory.total).toBe(4);
      // Newest first by default.
      expect(questions(inCategory)).toEqual(['退款多久到账', '多久到货', '运费谁出', '怎么退货']);
      expect(inCategory.items[0].categoryName).toBe('退货');
      expect(questions(await list({ categoryId: child.id }))).toEqual(['退款多久到账', '怎么退货']);
      // 相似问 matches as a substring; a text spanning two 相似问 does not.
      expect(questions(await list({ keyword: '办理退' }))).toEqual(['怎么退货']);
      expect(questions(await list({ keyword: '多久' }))).toEqual(['退款多久到账', '多久到货']);
      expect((await list({ keyword: '退货流程如何' })).total).toBe(0);
      const paged = await list({ categoryId: category.id, page: 2, pageSize: 3, order: 'asc' });
      expect(paged).toMatchObject({ total: 4 });
      expect(questions(paged)).toEqual(['退款多久到账']);
      await admin.get('/api/knowledge/scripts/items').query({ categoryId: 'gone' }).expect(404);

      const counts = (await tree('scripts')).counts;
      expect(counts[category.id]).toBe(2);
      expect(counts[child.id]).toBe(2);
    });

    it('lets the side panel search across kinds, browse trees and count each 发送 / 复制 once', async () => {
      const found = await member.get('/api/h5/knowledge').query({ keyword: '退货' }).expect(200);
      expect(found.body.items.map((item: KnowledgeItem) => item.id)).toContain(script.id);
      const acrossKinds = await member.get('/api/h5/knowledge').query({ keyword: '在的' }).expect(200);
      expect(acrossKinds.body.items.map((item: KnowledgeItem) => item.kind)).toEqual(['phrases']);
      const byCategory = await member.get('/api/h5/knowledge').query({ categoryId: child.id }).expect(200);
      expect(byCategory.body.total).toBe(2);
      const trees = (await member.get('/api/h5/knowledge/trees').expect(200)).body as KnowledgeTree[];
      expect(trees.map((entry) => entry.kind)).toEqual(['scripts', 'phrases', 'links']);

      const use = (actionId: string, action = 'send') =>
        member.post(`/api/h5/knowledge/${script.id}/use`).send({ action, actionId }).expect(200);
      expect((await use('press-0001')).body).toEqual({ usageCount: 1, counted: true });
      expect((await use('press-0001')).body).toEqual({ usageCount: 1, counted: false });
      const burst = await Promise.all(
        Array.from({ length: 6 }, (_, at) => use(`press-burst-${at}`, at % 2 ? 'copy' : 'send')),
      );
      expect(burst.every((response) => response.body.counted)).toBe(true);
      const shown = await admin.get(`/api/knowledge/scripts/items/${script.id}`).expect(200);
      expect(shown.body.usageCount).toBe(7);
      // The list shows the count and sorts by it, and 最近更新时间 is the last edit's, not the last use's.
      expect(shown.body.updatedAt).toBe(script.updatedAt);
      const byUse = await admin
        .get('/api/knowledge/scripts/items')
        .query({ sort: 'usageCount', order: 'desc' })
        .expect(200);
      expect(byUse.body.items[0]).toMatchObject({ id: script.id, usageCount: 7 });
      await member
        .post('/api/h5/knowledge/000000000000000000000000/use')
        .send({ action: 'send', actionId: 'press-none' })
        .expect(404);
    });

    it('counts each press once in the tally while its requests race, and a press its first request left half-done', async () => {
      const use = (actionId: string) =>
        member.post(`/api/h5/knowledge/${script.id}/use`).send({ action: 'send', actionId });
      const before = (await admin.get(`/api/knowledge/scripts/items/${script.id}`).expect(200)).body
        .usageCount;
      // Five presses, each sent three times at once (a retry overtaking its lost first request).
      const presses = Array.from({ length: 5 }, (_, at) => `press-race-${at}`);
      const answers = await Promise.all(
        presses.flatMap((actionId) => [use(actionId), use(actionId), use(actionId)]),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      // Each press's three answers (in the order sent): exactly one of them counted it.
      presses.forEach((_, at) =>
        expect(answers.slice(at * 3, at * 3 + 3).filter((answer) => answer.body.counted)).toHaveLength(1),
      );
      expect(answers.at(-1)!.body.usageCount).toBeLessThanOrEqual(before + presses.length);

      // A first request that died after recording the press and before counting it: its retry counts it.
      await KnowledgeUsageModel.create({
        _id: `${TENANT}|press-half-done`,
        tenantId: TENANT,
        itemId: script.id,
        action: 'copy',
        staffId: 'lina',
        at: new Date(),
        tallyFrom: before + presses.length,
      });
      expect((await use('press-half-done')).body).toEqual({ usageCount: before + 6, counted: true });
      expect((await use('press-half-done')).body).toEqual({ usageCount: before + 6, counted: false });

      // One slot per recorded press, numbered without a gap, each naming its own press.
      const rows = await KnowledgeUsageModel.find({ tenantId: TENANT, itemId: script.id }).lean();
      const slots = await KnowledgeUsageSlotModel.find({ tenantId: TENANT, itemId: script.id }).lean();
      expect(slots).toHaveLength(rows.length);
      expect(new Set(slots.map((slot) => slot.actionId)).size).toBe(rows.length);
      expect(slots.map((slot) => Number(slot._id.split('|').at(-1))).sort((a, b) => a - b)).toEqual(
        Array.from({ length: rows.length }, (_, at) => at + 1),
      );
      const listed = await admin
        .get('/api/knowledge/scripts/items')
        .query({ sort: 'usageCount', order: 'desc' });
      expect(listed.body.items[0]).toMatchObject({ id: script.id, usageCount: rows.length });
    });

    it('refuses changes to a member without 新建 / 编辑 / 删除', async () => {
      await member.get('/api/knowledge/scripts/tree').expect(200);
      await member.get('/api/knowledge/scripts/items').expect(200);
      await member
        .post('/api/knowledge/scripts/categories')
        .send({ name: '员工', parentId: null })
        .expect(403);
      await member.patch(`/api/knowledge/scripts/categories/${category.id}`).send({ name: '改' }).expect(403);
      await member.delete(`/api/knowledge/scripts/categories/${child.id}`).expect(403);
      await member.post('/api/knowledge/scripts/items').send({ question: '员工', answer: '答' }).expect(403);
      await member
        .put(`/api/knowledge/scripts/items/${script.id}`)
        .send({ question: '改', answer: '答' })
        .expect(403);
      await member.delete(`/api/knowledge/scripts/items/${script.id}`).expect(403);
      await member.get('/api/knowledge/link-preview').query({ url: 'https://example.com' }).expect(403);
    });
  });

  describe('link preview of an address that is not public (LINK_PREVIEW_ALLOW_PRIVATE off, the default)', () => {
    let server: Server;
    let port = 0;
    let hits = 0;

    beforeAll(async () => {
      server = createServer((_req, res) => {
        hits += 1;
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>内网页面</title>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('does not fetch a page on 127.0.0.1 or on a name resolving to it, and the link is still saved', async () => {
      for (const url of [
        `http://127.0.0.1:${port}/`,
        `http://localhost:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
      ]) {
        const card = await admin.get('/api/knowledge/link-preview').query({ url }).expect(200);
        expect([url, card.body]).toEqual([url, { title: '', description: '', coverUrl: '' }]);
      }
      expect(hits).toBe(0);
      // The operator types the card's fields the preview could not fill.
      const saved = await admin
        .post('/api/knowledge/links/items')
        .send({ name: '内网', url: `http://127.0.0.1:${port}/`, title: '内网页面' })
        .expect(201);
      expect(saved.body).toMatchObject({ url: `http://127.0.0.1:${port}/`, title: '内网页面' });
      expect(hits).toBe(0);
    });
  });
});

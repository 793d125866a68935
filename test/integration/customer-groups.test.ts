import request from 'supertest';
import { indexSeededCustomers } from '../support/customer-search';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { customerGroupReadModel } from '../../lib/search/customer-group-index';
import { writeListRows } from '../../lib/search/list-read-model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('customer-groups');
const ADMIN_MOBILE = '13700000401';
const STAFF_PASSWORD = 'Staff1234';

type Agent = ReturnType<typeof request.agent>;

const STAFF = [
  { userid: 'owner-a', name: '群主甲', mobile: '13700000411', departmentIds: [2] },
  { userid: 'owner-b', name: '群主乙', mobile: '13700000412', departmentIds: [3] },
];

const member = (userid: string, type: 1 | 2, joinScene?: number) => ({
  userid,
  type,
  joinScene,
  joinedAt: new Date('2026-10-01T00:00:00Z'),
  name: `${userid}的群昵称`,
});

/**
 * 客户群 and 群标签 over groups and customers stored as the sync stores them.
 * Groups: 销售一群 (甲, newest), 售后群 (乙), an unnamed group (甲, oldest), and a dismissed group.
 */
describe('客户管理 → 客户群, 群画像 and 标签管理 → 群标签', () => {
  let app: TestApp;
  let admin: Agent;
  let roles: { staff: string };
  const tagIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp('customer-groups');
    const corp = await simulator.createCorp('客户群测试企业');
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE }));
    await DepartmentModel.insertMany([
      { tenantId: TENANT, deptId: 1, name: '客户群测试企业', parentId: 0 },
      { tenantId: TENANT, deptId: 2, name: '销售部', parentId: 1 },
      { tenantId: TENANT, deptId: 3, name: '售后部', parentId: 1 },
    ]);
    await StaffModel.insertMany(STAFF.map((s) => ({ tenantId: TENANT, roleId: roles.staff, ...s })));
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: 'etgroup1',
      name: '客户等级',
      tags: [
        { tagId: 'etvip', name: 'VIP', color: 'red', order: 2 },
        { tagId: 'etnormal', name: '普通', color: 'blue', order: 1 },
      ],
    });
    const customers = [
      { externalUserid: 'wm-1', name: '客户一', tags: ['etvip'], adder: 'owner-a' },
      { externalUserid: 'wm-2', name: '客户二', tags: ['etvip', 'etnormal'], adder: 'owner-a' },
      { externalUserid: 'wm-3', name: '客户三', tags: ['etvip'], adder: 'owner-b' },
    ];
    for (const customer of customers) {
      const follows = [
        {
          userid: customer.adder,
          addedAt: new Date('2026-09-01'),
          tagIds: customer.tags,
          remarkMobiles: [],
          addWay: 1,
        },
      ];
      await CustomerModel.create({
        tenantId: TENANT,
        externalUserid: customer.externalUserid,
        name: customer.name,
        corpName: customer.externalUserid === 'wm-2' ? '乙方公司' : '',
        follows,
        ...deriveCustomerFields(follows),
      });
      await indexSeededCustomers(app.customerSearch, TENANT);
    }
    const group = (doc: Record<string, unknown> & { members: ReturnType<typeof member>[] }) => ({
      tenantId: TENANT,
      memberCount: doc.members.length,
      customerCount: doc.members.filter((m) => m.type === 2).length,
      ...doc,
    });
    // Stored as a sync stores them, and indexed as every writer of groups does (writeListRows).
    const groups = [
      group({
        chatId: 'wr-sales',
        name: '销售一群',
        ownerUserid: 'owner-a',
        createdAt: new Date('2026-11-20T02:00:00Z'),
        lastMessageAt: new Date('2026-11-24T03:00:00Z'),
        members: [
          member('owner-a', 1),
          member('owner-b', 1),
          member('wm-1', 2, 1),
          member('wm-2', 2, 2),
          member('wm-3', 2, 3),
          member('wm-stranger', 2, 3),
        ],
      }),
      group({
        chatId: 'wr-service',
        name: '售后群',
        ownerUserid: 'owner-b',
        createdAt: new Date('2026-11-10T02:00:00Z'),
        lastMessageAt: new Date('2026-11-01T03:00:00Z'),
        members: [member('owner-b', 1), member('wm-3', 2, 1)],
      }),
      group({
        chatId: 'wr-unnamed',
        name: '',
        ownerUserid: 'owner-a',
        createdAt: new Date('2026-10-01T02:00:00Z'),
        members: [member('owner-a', 1)],
      }),
      group({
        chatId: 'wr-gone',
        name: '已解散',
        ownerUserid: 'owner-a',
        createdAt: new Date('2026-11-21T02:00:00Z'),
        dismissedAt: new Date('2026-11-22T00:00:00Z'),
        members: [],
      }),
    ];
    await writeListRows(
      app.listSearch,
      customerGroupReadModel,
      TENANT,
      groups.map((g) => String((g as { chatId?: unknown }).chatId)),
      () => CustomerGroupModel.insertMany(groups),
      { refresh: 'wait_for' },
    );
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function logInAs(userid: string): Promise<Agent> {
    await admin.put(`/api/org/staff/${userid}/system-access`).send({ enabled: true }).expect(200);
    await admin.put(`/api/org/staff/${userid}/password`).send({ password: STAFF_PASSWORD }).expect(204);
    const agent = request.agent(app.baseUrl);
    const mobile = STAFF.find((s) => s.userid === userid)!.mobile;
    await agent.post('/api/auth/login').send({ phone: mobile, password: STAFF_PASSWORD }).expect(200);
    return agent;
  }

  const chatIds = (page: { items: Array<{ chatId: string }> }) => page.items.map((row) => row.chatId);

  describe('群标签 (local, R-7.3.2)', () => {
    it('添加标签组, tags with colours, edit in the "…" menu, drag order', async () => {
      const stage = (await admin.post('/api/tags/group-groups').send({ name: '群阶段' }).expect(201)).body;
      const kind = (await admin.post('/api/tags/group-groups').send({ name: '群类型' }).expect(201)).body;
      let saved = (
        await admin
          .post(`/api/tags/group-groups/${stage.id}/tags`)
          .send({ name: '活跃', color: 'green' })
          .expect(201)
      ).body;
      saved = (
        await admin
          .post(`/api/tags/group-groups/${stage.id}/tags`)
          .send({ name: '沉默', color: 'orange' })
          .expect(201)
      ).body;
      expect(saved.tags.map((t: { name: string; color: string }) => [t.name, t.color])).toEqual([
        ['活跃', 'green'],
        ['沉默', 'orange'],
      ]);
      const [active, silent] = saved.tags.map((t: { id: string }) => t.id);
      tagIds['活跃'] = active;
      tagIds['沉默'] = silent;
      const vipGroup = (
        await admin
          .post(`/api/tags/group-groups/${kind.id}/tags`)
          .send({ name: '大客户群', color: 'red' })
          .expect(201)
      ).body;
      tagIds['大客户群'] = vipGroup.tags[0].id;

      const edited = (
        await admin.put(`/api/tags/group-tags/${silent}`).send({ name: '沉睡', color: 'blue' }).expect(200)
      ).body;
      expect(edited.tags[1]).toMatchObject({ name: '沉睡', color: 'blue' });
      const reordered = (
        await admin
          .put(`/api/tags/group-groups/${stage.id}/tags-order`)
          .send({ ids: [silent, active] })
          .expect(200)
      ).body;
      expect(reordered.tags.map((t: { name: string }) => t.name)).toEqual(['沉睡', '活跃']);
      const groups = (
        await admin
          .put('/api/tags/group-groups-order')
          .send({ ids: [kind.id, stage.id] })
          .expect(200)
      ).body.items;
      expect(groups.map((g: { name: string }) => g.name)).toEqual(['群类型', '群阶段']);
      const reorder = await AuditLogModel.findOne({ tenantId: TENANT, action: 'tag-group.reorder' }).lean();
      expect(reorder).toMatchObject({
        target: { type: 'group-tag-group' },
        after: { groups: [{ name: '群类型' }, { name: '群阶段' }] },
      });
      const tagEdit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'tag.edit' }).lean();
      expect(tagEdit).toMatchObject({ target: { id: stage.id, name: '群阶段' } });
      expect(tagEdit?.before.tags[1]).toMatchObject({ name: '沉默', color: 'orange' });
      expect(tagEdit?.after.tags[1]).toMatchObject({ name: '沉睡', color: 'blue' });
    });

    it('the same limits as 企业微信标签, in Chinese', async () => {
      const groups = (await admin.get('/api/tags/group-groups').expect(200)).body.items;
      const stage = groups.find((g: { name: string }) => g.name === '群阶段');
      const twice = await admin.post(`/api/tags/group-groups/${stage.id}/tags`).send({ name: '活跃' });
      expect([twice.status, twice.body.error.message]).toEqual([409, '该标签组下已存在同名标签']);
      const sameGroup = await admin.post('/api/tags/group-groups').send({ name: '群阶段' });
      expect([sameGroup.status, sameGroup.body.error.message]).toEqual([409, '标签组名称已存在']);
      const long = await admin.post('/api/tags/group-groups').send({ name: '组'.repeat(31) });
      expect(long.status).toBe(400);
      expect(long.body.error.message).toContain('标签组名称不能超过30个字符');
      const blank = await admin.post('/api/tags/group-groups').send({ name: '  ' });
      expect(blank.body.error.message).toContain('请输入标签组名称');
      await admin.delete('/api/tags/group-tags/000000000000000000000000').expect(404);
    });
  });

  describe('客户群列表 (R-3.2.1)', () => {
    it('lists groups still in WeCom, newest first, paginated, with owner names and 群聊人数', async () => {
      const page = (await admin.get('/api/customer-groups').expect(200)).body;
      expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(chatIds(page)).toEqual(['wr-sales', 'wr-service', 'wr-unnamed']);
      expect(page.items[0]).toMatchObject({
        name: '销售一群',
        memberCount: 6,
        owner: { userid: 'owner-a', name: '群主甲' },
        lastMessageAt: '2026-11-24T03:00:00.000Z',
      });
      expect(page.items[2]).toMatchObject({ name: '', lastMessageAt: null });
      const second = (await admin.get('/api/customer-groups?pageSize=2&page=2').expect(200)).body;
      expect([second.total, chatIds(second)]).toEqual([3, ['wr-unnamed']]);
    });

    it('searches the name and filters by 群主, 最近沟通时间 and 创建时间', async () => {
      const get = async (query: string) =>
        chatIds((await admin.get(`/api/customer-groups?${query}`).expect(200)).body);
      expect(await get(`keyword=${encodeURIComponent('售后')}`)).toEqual(['wr-service']);
      expect(await get('ownerUserid=owner-b')).toEqual(['wr-service']);
      expect(await get('ownerUserid=owner-a,owner-b')).toEqual(['wr-sales', 'wr-service', 'wr-unnamed']);
      expect(await get('lastMessageFrom=2026-11-24&lastMessageTo=2026-11-24')).toEqual(['wr-sales']);
      expect(await get('createdFrom=2026-11-01&createdTo=2026-11-15')).toEqual(['wr-service']);
      const bad = await admin.get('/api/customer-groups?lastMessageFrom=24.11.2026');
      expect([bad.status, bad.body.error.message]).toEqual([
        400,
        '开始日期格式应为YYYY-MM-DD（lastMessageFrom）',
      ]);
    });

    it('批量打标签 adds 群标签; the 群标签 filter finds them; a deleted 群标签 leaves the groups', async () => {
      const tagged = await admin
        .post('/api/customer-groups/tags')
        .send({ chatIds: ['wr-sales', 'wr-service'], tagIds: [tagIds['活跃'], tagIds['大客户群']] })
        .expect(200);
      expect(tagged.body).toEqual({ updated: 2 });
      const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'customer-group.tag' }).lean();
      expect(audit).toMatchObject({
        target: { name: '2个客户群' },
        before: { groupTagIds: { 'wr-sales': [] } },
        after: { groupTagIds: { 'wr-sales': [tagIds['活跃'], tagIds['大客户群']] } },
      });
      const page = (await admin.get(`/api/customer-groups?groupTagId=${tagIds['大客户群']}`).expect(200))
        .body;
      expect(chatIds(page)).toEqual(['wr-sales', 'wr-service']);
      expect(page.items[0].groupTags.map((t: { name: string }) => t.name).sort()).toEqual([
        '大客户群',
        '活跃',
      ]);

      const unknown = await admin
        .post('/api/customer-groups/tags')
        .send({ chatIds: ['wr-sales'], tagIds: ['000000000000000000000000'] });
      expect([unknown.status, unknown.body.error.message]).toEqual([400, '所选标签不存在，请刷新后重试']);

      await admin.delete(`/api/tags/group-tags/${tagIds['大客户群']}`).expect(204);
      const group = await CustomerGroupModel.findOne({ tenantId: TENANT, chatId: 'wr-sales' }).lean();
      expect(group?.groupTagIds).toEqual([tagIds['活跃']]);
    });

    it('data permission: 只看本人 sees and tags only the groups they own (I-104)', async () => {
      const ownerB = await logInAs('owner-b');
      expect(chatIds((await ownerB.get('/api/customer-groups').expect(200)).body)).toEqual(['wr-service']);
      // Asking for someone else's groups does not widen the scope.
      expect(
        chatIds((await ownerB.get('/api/customer-groups?ownerUserid=owner-a').expect(200)).body),
      ).toEqual([]);
      const tagged = await ownerB
        .post('/api/customer-groups/tags')
        .send({ chatIds: ['wr-sales', 'wr-service'], tagIds: [tagIds['沉默']] })
        .expect(200);
      expect(tagged.body).toEqual({ updated: 1 });
      const sales = await CustomerGroupModel.findOne({ tenantId: TENANT, chatId: 'wr-sales' }).lean();
      expect(sales?.groupTagIds).not.toContain(tagIds['沉默']);
      await ownerB.get('/api/customer-groups/wr-sales/portrait').expect(404);
      await ownerB.get('/api/customer-groups/wr-service/portrait').expect(200);
      // 员工 may not open 标签管理's writes.
      await ownerB.post('/api/tags/group-groups').send({ name: '越权' }).expect(403);
    });
  });

  describe('客户群 columns (R-3.2.1-07)', () => {
    it('remembers each user’s chosen, reordered columns, apart from their 客户 list columns', async () => {
      const initial = (await admin.get('/api/customer-groups/columns').expect(200)).body;
      expect(initial.columns).toEqual([
        'name',
        'memberCount',
        'lastMessageAt',
        'createdAt',
        'groupTags',
        'owner',
      ]);
      expect(initial.available.map((c: { label: string }) => c.label)).toEqual([
        '客户群名称',
        '群聊人数',
        '最近沟通时间',
        '创建时间',
        '群标签',
        '群主',
      ]);
      await admin
        .put('/api/customer-groups/columns')
        .send({ columns: ['name', 'owner', 'groupTags'] })
        .expect(200);
      await admin
        .put('/api/customers/columns')
        .send({ columns: ['name', 'phone'] })
        .expect(200);
      expect((await admin.get('/api/customer-groups/columns')).body.columns).toEqual([
        'name',
        'owner',
        'groupTags',
      ]);
      expect((await admin.get('/api/customers/columns')).body.columns).toEqual(['name', 'phone']);
      // Another user still has the default.
      const ownerB = await logInAs('owner-b');
      expect((await ownerB.get('/api/customer-groups/columns')).body.columns).toHaveLength(6);

      const unknown = await admin.put('/api/customer-groups/columns').send({ columns: ['name', 'phone'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/^列不存在/);
    });
  });

  describe('群画像 (R-3.2.2)', () => {
    it('counts members inside and outside, join scenes, 可添加客户 and the 客户标签 word cloud', async () => {
      const portrait = (await admin.get('/api/customer-groups/wr-sales/portrait').expect(200)).body;
      expect(portrait).toMatchObject({
        name: '销售一群',
        owner: { name: '群主甲' },
        memberCount: 6,
        externalCount: 4,
        archivedExternalCount: null,
        // wm-stranger is nobody's customer.
        addableCount: 1,
        joinScenes: [
          { scene: 1, count: 1 },
          { scene: 2, count: 1 },
          { scene: 3, count: 2 },
        ],
        tagCloud: [
          { id: 'etvip', name: 'VIP', color: 'red', count: 3 },
          { id: 'etnormal', name: '普通', color: 'blue', count: 1 },
        ],
      });
      expect(portrait.groupTags.map((t: { name: string }) => t.name)).toEqual(['活跃']);
      expect(portrait.internalMembers.map((m: { name: string }) => m.name)).toEqual(['群主甲', '群主乙']);
      const second = portrait.externalMembers.find((m: { userid: string }) => m.userid === 'wm-2');
      expect(second).toMatchObject({
        name: '客户二',
        corpName: '乙方公司',
        joinScene: 2,
        followers: [{ userid: 'owner-a', name: '群主甲' }],
      });
      expect(second.tags.map((t: { name: string }) => t.name)).toEqual(['VIP', '普通']);
      const stranger = portrait.externalMembers.find((m: { userid: string }) => m.userid === 'wm-stranger');
      expect(stranger).toMatchObject({ name: 'wm-stranger的群昵称', followers: [], tags: [] });
    });

    it("群画像's 群标签 edit sets the group's tags", async () => {
      await admin
        .put('/api/customer-groups/wr-unnamed/tags')
        .send({ tagIds: [tagIds['沉默']] })
        .expect(204);
      const portrait = (await admin.get('/api/customer-groups/wr-unnamed/portrait').expect(200)).body;
      expect(portrait.groupTags.map((t: { name: string }) => t.name)).toEqual(['沉睡']);
      await admin.put('/api/customer-groups/wr-nope/tags').send({ tagIds: [] }).expect(404);
    });

    it('the message trend has a row per day of the last 7 or 30 days, zero for a group with no archived messages', async () => {
      const week = (await admin.get('/api/customer-groups/wr-sales/message-trend').expect(200)).body;
      expect(week.archived).toBe(true);
      expect(week.days).toHaveLength(7);
      expect(
        week.days.every((d: { staff: number; customers: number }) => d.staff === 0 && d.customers === 0),
      ).toBe(true);
      const month = (await admin.get('/api/customer-groups/wr-sales/message-trend?days=30').expect(200)).body;
      expect(month.days).toHaveLength(30);
      expect(month.days[29].date).toBe(week.days[6].date);
      const bad = await admin.get('/api/customer-groups/wr-sales/message-trend?days=10');
      expect([bad.status, bad.body.error.message]).toEqual([400, '仅支持近7天或近30天（days）']);
    });
  });
});

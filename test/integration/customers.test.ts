import request from 'supertest';
import { deriveCustomerFields, type FollowFacts } from '../../lib/customers/customer-derived';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers, refreshCustomerSearch } from '../support/customer-search';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('customers');
const ADMIN_MOBILE = '13700000401';
const STAFF_PASSWORD = 'Staff1234';

type Agent = ReturnType<typeof request.agent>;
type Row = {
  externalUserid: string;
  name: string;
  suffix: string;
  corpName: string;
  position: string;
  phone: string;
  owner: { userid: string; name: string } | null;
  adders: Array<{ userid: string; name: string }>;
  addedAt: string;
  source: string;
  tags: Array<{ id: string; name: string }>;
  remark: string;
};

/** 1 corp → 2 销售部 (销售甲, 销售丙), 3 研发部 (研发乙, 研发丁). */
const STAFF = [
  { userid: 'sales-a', name: '销售甲', mobile: '13700000411', departmentIds: [2] },
  { userid: 'eng-b', name: '研发乙', mobile: '13700000412', departmentIds: [3] },
  { userid: 'sales-c', name: '销售丙', mobile: '13700000413', departmentIds: [2] },
  { userid: 'eng-d', name: '研发丁', mobile: '13700000414', departmentIds: [3] },
];

describe('客户列表 and 客户详情 (R-3.1.1, R-3.1.2, I-104, I-43)', () => {
  let app: TestApp;
  let admin: Agent;
  let corp: SimCorp;
  let roles: { super_admin: string; admin: string; staff: string };
  const tags: Record<string, string> = {};
  /** name → external_userid, as the simulator assigned them. */
  const ids: Record<string, string> = {};

  /**
   * A customer known to WeCom (created in the simulator by its first adder; more adders are added there
   * too) and stored in our database the way the customer sync stores it.
   */
  async function customer(spec: {
    name: string;
    adders: Array<{ userid: string; day: string; tagNames?: string[]; remark?: string; mobiles?: string[] }>;
    type?: 1 | 2;
    corpName?: string;
    corpFullName?: string;
    position?: string;
    profile?: { corpName?: string; phone?: string; source?: string };
    lastContactDay?: string;
    inWeCom?: boolean;
  }): Promise<string> {
    let externalUserid = `wm-local-${spec.name}`;
    if (spec.inWeCom !== false) {
      const created = await simulator.addCustomer(corp.corpId, {
        userid: spec.adders[0].userid,
        name: spec.name,
      });
      externalUserid = created.customer.external_userid;
      for (const adder of spec.adders.slice(1)) {
        await simulator.addCustomer(corp.corpId, { userid: adder.userid, external_userid: externalUserid });
      }
    }
    ids[spec.name] = externalUserid;
    const follows = spec.adders.map((adder) => ({
      userid: adder.userid,
      addedAt: new Date(`${adder.day}T10:00:00+08:00`),
      tagIds: (adder.tagNames ?? []).map((name) => tags[name]),
      remark: adder.remark ?? '',
      remarkMobiles: adder.mobiles ?? [],
      addWay: 1,
    }));
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid,
      name: spec.name,
      type: spec.type ?? 1,
      corpName: spec.corpName ?? '',
      corpFullName: spec.corpFullName ?? '',
      position: spec.position ?? '',
      follows,
      profile: spec.profile ?? {},
      lastContactAt: spec.lastContactDay ? new Date(`${spec.lastContactDay}T12:00:00+08:00`) : undefined,
      ...deriveCustomerFields(follows as FollowFacts[], spec.profile?.phone),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    return externalUserid;
  }

  beforeAll(async () => {
    app = await startTestApp('customers');
    corp = await simulator.createCorp('客户测试企业');
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE }));
    await DepartmentModel.insertMany([
      { tenantId: TENANT, deptId: 1, name: '客户测试企业', parentId: 0 },
      { tenantId: TENANT, deptId: 2, name: '销售部', parentId: 1 },
      { tenantId: TENANT, deptId: 3, name: '研发部', parentId: 1 },
    ]);
    await StaffModel.insertMany(STAFF.map((s) => ({ tenantId: TENANT, roleId: roles.staff, ...s })));
    for (const s of STAFF) {
      await simulator.addUser(corp.corpId, {
        userid: s.userid,
        name: s.name,
        mobile: s.mobile,
        department: [1],
      });
    }
    const group = await simulator.addCorpTags(corp.corpId, {
      group_name: '客户等级',
      tag: [{ name: '重要' }, { name: '普通' }, { name: '新签' }],
    });
    for (const tag of group.tag_group.tag) tags[tag.name] = tag.id;
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: group.tag_group.group_id,
      name: '客户等级',
      tags: group.tag_group.tag.map((tag) => ({ tagId: tag.id, name: tag.name })),
    });

    await customer({
      name: '张三',
      adders: [
        {
          userid: 'sales-a',
          day: '2026-11-01',
          tagNames: ['重要'],
          remark: '张总',
          mobiles: ['13911112222'],
        },
        { userid: 'eng-b', day: '2026-11-03', tagNames: ['普通'] },
      ],
      profile: { corpName: '沃丰时代', source: '官网' },
      lastContactDay: '2026-11-20',
    });
    await customer({
      name: '李四',
      type: 2,
      corpName: '沃丰',
      corpFullName: '北京沃丰时代数据科技有限公司',
      position: '采购经理',
      adders: [{ userid: 'eng-b', day: '2026-11-05', tagNames: ['重要', '普通'] }],
    });
    await customer({
      name: '王五',
      type: 2,
      corpName: '沃丰',
      corpFullName: '北京沃丰时代数据科技有限公司',
      adders: [
        { userid: 'sales-c', day: '2026-11-07' },
        { userid: 'sales-a', day: '2026-11-08' },
        { userid: 'eng-b', day: '2026-11-09' },
        { userid: 'eng-d', day: '2026-11-10' },
      ],
      profile: { phone: '010-6666 8888', source: '转介绍' },
    });
    await customer({ name: '赵六', adders: [{ userid: 'sales-c', day: '2026-11-10' }] });
    await CustomerEventModel.create({
      _id: `sync:test:${ids['张三']}:sales-a`,
      tenantId: TENANT,
      externalUserid: ids['张三'],
      userid: 'sales-a',
      kind: 'added',
      at: new Date('2026-11-01T10:00:00+08:00'),
      day: '2026-11-01',
      addWay: 1,
      via: 'sync',
    });

    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    await app.startWorker();
    await refreshCustomerSearch(app.config);
  });

  afterAll(async () => {
    await simulator.setOutage('off', undefined, corp?.corpId).catch(() => undefined);
    await app?.stop();
  });

  async function list(query: Record<string, string | number> = {}, agent: Agent = admin) {
    const response = await agent.get('/api/customers').query(query);
    expect(response.status).toBe(200);
    return response.body as {
      items: Row[];
      total: number;
      totalCapped: boolean;
      page: number;
      pageSize: number;
    };
  }
  const namesIn = async (query: Record<string, string | number> = {}, agent: Agent = admin) =>
    (await list(query, agent)).items.map((row) => row.name);

  it('lists every column from the customer document, newest added first, 20 a page', async () => {
    const page = await list();
    expect(page).toMatchObject({ total: 4, totalCapped: false, page: 1, pageSize: 20 });
    expect(page.items.map((row) => row.name)).toEqual(['赵六', '王五', '李四', '张三']);

    const zhang = page.items.find((row) => row.name === '张三')!;
    expect(zhang).toMatchObject({
      suffix: '@微信',
      corpName: '沃丰时代',
      position: '',
      phone: '13911112222',
      owner: { userid: 'sales-a', name: '销售甲' },
      adders: [
        { userid: 'sales-a', name: '销售甲' },
        { userid: 'eng-b', name: '研发乙' },
      ],
      addedAt: new Date('2026-11-01T10:00:00+08:00').toISOString(),
      source: '官网',
      remark: '张总',
    });
    expect(zhang.tags.map((tag) => tag.name).sort()).toEqual(['普通', '重要']);

    const li = page.items.find((row) => row.name === '李四')!;
    expect(li).toMatchObject({
      suffix: '@沃丰',
      corpName: '北京沃丰时代数据科技有限公司',
      position: '采购经理',
    });
    const wang = page.items.find((row) => row.name === '王五')!;
    expect(wang.owner?.name).toBe('销售丙');
    expect(wang.adders).toHaveLength(4);
    expect(wang.phone).toBe('010-6666 8888');
  });

  it('searches 客户姓名/手机号 fuzzily and applies every advanced filter', async () => {
    expect(await namesIn({ keyword: '三' })).toEqual(['张三']);
    expect(await namesIn({ keyword: '1111' })).toEqual(['张三']);
    expect(await namesIn({ keyword: '6666' })).toEqual(['王五']);
    expect(await namesIn({ corpName: '沃丰' })).toEqual(['王五', '李四', '张三']);
    expect(await namesIn({ corpName: '数据科技' })).toEqual(['王五', '李四']);
    expect(await namesIn({ adderUserids: 'sales-a' })).toEqual(['王五', '张三']);
    expect(await namesIn({ adderUserids: 'sales-a,sales-c' })).toEqual(['赵六', '王五', '张三']);
    expect(await namesIn({ ownerUserids: 'eng-b' })).toEqual(['李四']);
    expect(await namesIn({ addedFrom: '2026-11-05', addedTo: '2026-11-07' })).toEqual(['王五', '李四']);
    expect(await namesIn({ lastContactFrom: '2026-11-20', lastContactTo: '2026-11-20' })).toEqual(['张三']);
    expect(await namesIn({ source: '转介绍' })).toEqual(['王五']);
    expect(await namesIn({ tagIds: `${tags['重要']},${tags['普通']}` })).toEqual(['李四', '张三']);
    expect(await namesIn({ tagIds: tags['普通'], tagMatch: 'all' })).toEqual(['李四', '张三']);
    expect(await namesIn({ type: 2 })).toEqual(['王五', '李四']);
    // Filters combine.
    expect(await namesIn({ type: 1, adderUserids: 'sales-c' })).toEqual(['赵六']);
  });

  it('pages on the server and refuses bad filters in Chinese', async () => {
    const second = await list({ page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((row) => row.name)).toEqual(['张三']);

    const badDate = await admin.get('/api/customers').query({ addedFrom: '11/05' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/^日期格式应为 YYYY-MM-DD/);
    const badSource = await admin.get('/api/customers').query({ source: '电视' });
    expect(badSource.body.error.message).toMatch(/^客户来源不存在/);
  });

  it('offers the corp tags and the staff in scope to the pickers', async () => {
    const options = (await admin.get('/api/customers/options').expect(200)).body;
    expect(options.tagGroups).toEqual([
      expect.objectContaining({
        name: '客户等级',
        tags: expect.arrayContaining([{ id: tags['重要'], name: '重要' }]),
      }),
    ]);
    expect(options.staff.map((s: { userid: string }) => s.userid)).toEqual(
      expect.arrayContaining(['sales-a', 'eng-b', 'sales-c']),
    );
  });

  it('remembers each user’s columns and their order, starting from the manual’s default', async () => {
    const initial = (await admin.get('/api/customers/columns').expect(200)).body;
    expect(initial.columns).toEqual([
      'name',
      'corpName',
      'position',
      'phone',
      'owner',
      'adders',
      'addedAt',
      'lastContactAt',
    ]);
    expect(initial.available.map((c: { label: string }) => c.label)).toContain('客户标签');

    await admin
      .put('/api/customers/columns')
      .send({ columns: ['name', 'tags', 'owner', 'remark'] })
      .expect(200);
    expect((await admin.get('/api/customers/columns')).body.columns).toEqual([
      'name',
      'tags',
      'owner',
      'remark',
    ]);

    const duplicate = await admin.put('/api/customers/columns').send({ columns: ['name', 'name'] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/^列不能重复/);
    const empty = await admin.put('/api/customers/columns').send({ columns: [] });
    expect(empty.body.error.message).toMatch(/^请至少选择一列/);
  });

  it('a 本部门及以下 role sees only customers with an adder in its departments (I-104)', async () => {
    const created = await admin.post('/api/roles').send({
      name: '销售主管',
      functionPermissions: ['customer.customers'],
      dataScope: 'department',
    });
    expect(created.status).toBe(201);
    await admin.put('/api/org/staff/sales-c/role').send({ roleId: created.body.id }).expect(204);
    await admin.put('/api/org/staff/sales-c/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/sales-c/password').send({ password: STAFF_PASSWORD }).expect(204);
    const salesLead = request.agent(app.baseUrl);
    await salesLead
      .post('/api/auth/login')
      .send({ phone: '13700000413', password: STAFF_PASSWORD })
      .expect(200);

    // 销售部 = 销售甲 and 销售丙: 李四 (研发乙 only) is out of scope.
    const page = await list({}, salesLead);
    expect(page.items.map((row) => row.name)).toEqual(['赵六', '王五', '张三']);
    expect(page.total).toBe(3);
    await salesLead.get(`/api/customers/${ids['李四']}`).expect(404);
    expect((await salesLead.get(`/api/customers/${ids['张三']}`)).status).toBe(200);
    // No 打标签 nor 编辑 in this role.
    expect((await salesLead.patch(`/api/customers/${ids['张三']}`).send({ phone: '1' })).status).toBe(403);
    expect(
      (
        await salesLead
          .post('/api/customers/tags')
          .send({ externalUserids: [ids['张三']], addTagIds: [tags['新签']] })
      ).status,
    ).toBe(403);
  });

  it('客户详情 shows relations, add events with their source, and 企业信息 with 相关客户', async () => {
    const detail = (await admin.get(`/api/customers/${ids['李四']}`).expect(200)).body;
    expect(detail.editable).toEqual(['phone', 'source']);
    expect(detail.customer).toMatchObject({ name: '李四', suffix: '@沃丰', position: '采购经理' });
    expect(detail.enterprise).toMatchObject({ shortName: '沃丰', fullName: '北京沃丰时代数据科技有限公司' });
    expect(detail.enterprise.relatedCustomers).toEqual([
      expect.objectContaining({ name: '王五', owner: { userid: 'sales-c', name: '销售丙' } }),
    ]);

    const zhang = (await admin.get(`/api/customers/${ids['张三']}`).expect(200)).body;
    expect(zhang.editable).toEqual(['corpName', 'position', 'phone', 'source']);
    expect(zhang.addEvents).toEqual([
      expect.objectContaining({ name: '销售甲', source: '扫描二维码', remark: '张总' }),
      expect.objectContaining({ name: '研发乙', source: '扫描二维码', remark: '' }),
    ]);
    expect(
      zhang.relations.map((r: { name: string; tags: Array<{ name: string }> }) => [
        r.name,
        r.tags.map((t) => t.name),
      ]),
    ).toEqual([
      ['销售甲', ['重要']],
      ['研发乙', ['普通']],
    ]);
    expect(zhang.enterprise).toMatchObject({ shortName: '沃丰时代', relatedCustomers: [] });
    // A WeChat customer without a company has no 企业信息 (R-3.1.2-11).
    expect((await admin.get(`/api/customers/${ids['赵六']}`)).body.enterprise).toBeNull();
    await admin.get('/api/customers/wm-nobody').expect(404);
  });

  it('企业信息 编辑: details shared by the company’s customers; a WeChat customer’s company added by hand', async () => {
    const wecom = await admin
      .put(`/api/customers/${ids['李四']}/enterprise`)
      .send({ phone: '010-6000 0000', website: 'www.wofeng.com', industry: '软件', level: 'A' });
    expect(wecom.status).toBe(200);
    expect(wecom.body.enterprise).toMatchObject({
      shortName: '沃丰',
      fullName: '北京沃丰时代数据科技有限公司',
      phone: '010-6000 0000',
      website: 'www.wofeng.com',
      industry: '软件',
      level: 'A',
      address: '',
      editable: ['phone', 'website', 'address', 'industry', 'scale', 'region', 'level'],
      creator: '管理员',
    });
    // 王五 works at the same company (I-48): the same 企业信息.
    const wang = (await admin.get(`/api/customers/${ids['王五']}`).expect(200)).body;
    expect(wang.enterprise).toMatchObject({ phone: '010-6000 0000', level: 'A' });

    const names = await admin.put(`/api/customers/${ids['李四']}/enterprise`).send({ fullName: '别的公司' });
    expect(names.status).toBe(400);
    expect(names.body.error.message).toMatch(/^企业微信客户的企业全称由企业微信同步，不可编辑/);
    const badSite = await admin
      .put(`/api/customers/${ids['李四']}/enterprise`)
      .send({ website: 'not a site' });
    expect(badSite.body.error.message).toMatch(/^请输入正确的企业网址/);

    const qian = await customer({ name: '钱八', adders: [{ userid: 'sales-a', day: '2026-11-12' }] });
    expect((await admin.get(`/api/customers/${qian}`)).body.enterprise).toBeNull();
    const nameless = await admin.put(`/api/customers/${qian}/enterprise`).send({ industry: '零售' });
    expect(nameless.body.error.message).toMatch(/^请输入企业简称或企业全称/);
    const added = await admin
      .put(`/api/customers/${qian}/enterprise`)
      .send({ shortName: '钱记', fullName: '钱记贸易有限公司', industry: '零售' });
    expect(added.status).toBe(200);
    expect(added.body.customer.corpName).toBe('钱记贸易有限公司');
    expect(added.body.enterprise).toMatchObject({
      shortName: '钱记',
      fullName: '钱记贸易有限公司',
      industry: '零售',
      editable: expect.arrayContaining(['shortName', 'fullName']),
    });
    expect(added.body.enterprise.createdAt).not.toBeNull();
    const audit = await AuditLogModel.findOne({
      tenantId: TENANT,
      action: 'customer.enterprise.edit',
      'target.id': qian,
    }).lean();
    expect(audit).toMatchObject({
      before: { shortName: '', fullName: '', industry: '' },
      after: { shortName: '钱记', fullName: '钱记贸易有限公司', industry: '零售' },
    });
  });

  it('编辑 changes only the fields of the customer’s kind, checks the phone and audits the change', async () => {
    const edited = await admin
      .patch(`/api/customers/${ids['赵六']}`)
      .send({ corpName: '赵氏商行', position: '店长', phone: '+86 138-0000-1234', source: '地推活动' });
    expect(edited.status).toBe(200);
    expect(edited.body.customer).toMatchObject({
      corpName: '赵氏商行',
      position: '店长',
      phone: '+86 138-0000-1234',
      source: '地推活动',
    });
    // The search index follows the edit (the list's rows are read from MongoDB, the matching from the index).
    await eventually(async () => (await namesIn({ keyword: '0000-1234' }))[0] === '赵六');
    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'customer.edit' }).lean();
    expect(audit).toMatchObject({
      target: { id: ids['赵六'], name: '赵六' },
      before: { corpName: '', phone: '' },
      after: { corpName: '赵氏商行', phone: '+86 138-0000-1234' },
    });

    const wecomCorp = await admin.patch(`/api/customers/${ids['李四']}`).send({ corpName: '别的公司' });
    expect(wecomCorp.status).toBe(400);
    expect(wecomCorp.body.error.message).toMatch(/^企业微信客户的企业名称由企业微信同步，不可编辑/);
    const badPhone = await admin.patch(`/api/customers/${ids['李四']}`).send({ phone: 'abc' });
    expect(badPhone.body.error.message).toMatch(/^电话只能包含数字、\+、-和空格，最多20个字符/);
    const unknownField = await admin.patch(`/api/customers/${ids['李四']}`).send({ name: '改名' });
    expect(unknownField.body.error.message).toMatch(/^该字段不可编辑/);
    expect((await admin.patch(`/api/customers/${ids['李四']}`).send({ phone: '400-800-8888' })).status).toBe(
      200,
    );
  });

  async function tagAndWait(body: Record<string, unknown>) {
    const started = await admin.post('/api/customers/tags').send(body);
    expect(started.status).toBe(202);
    return started.body as { id: string; status: string; relations: number };
  }
  const simTagsOf = async (externalUserid: string) =>
    Object.fromEntries(
      (await simulator.customer(corp.corpId, externalUserid)).follow_user.map((f) => [
        f.userid,
        (f.tags ?? []).map((t) => t.tag_name).sort(),
      ]),
    );

  it('打标签 saves at once and writes every active relation to WeCom with mark_tag', async () => {
    const job = await tagAndWait({
      externalUserids: [ids['张三']],
      addTagIds: [tags['新签']],
      removeTagIds: [tags['普通']],
    });
    expect(job.relations).toBe(2);
    const zhang = (await list({ keyword: '张三' })).items[0];
    expect(zhang.tags.map((t) => t.name).sort()).toEqual(['新签', '重要']);

    await eventually(
      async () => (await admin.get(`/api/customers/tag-jobs/${job.id}`)).body.status === 'completed',
    );
    expect(await simTagsOf(ids['张三'])).toEqual({ 'sales-a': ['新签'], 'eng-b': ['新签'] });
    expect(await AuditLogModel.countDocuments({ tenantId: TENANT, action: 'customer.tag' })).toBe(1);
  });

  it('"all matching the filter" tags every match; tags unknown to the tenant are refused', async () => {
    const job = await tagAndWait({ filter: { type: 2 }, addTagIds: [tags['新签']] });
    expect(job).toMatchObject({ relations: 5 });
    await eventually(
      async () => (await admin.get(`/api/customers/tag-jobs/${job.id}`)).body.status === 'completed',
    );
    expect((await simTagsOf(ids['李四']))['eng-b']).toContain('新签');

    const unknown = await admin
      .post('/api/customers/tags')
      .send({ externalUserids: [ids['张三']], addTagIds: ['et-none'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^标签不存在，请刷新后重试/);
    const nothing = await admin.post('/api/customers/tags').send({ addTagIds: [tags['新签']] });
    expect(nothing.body.error.message).toMatch(/^请选择客户/);
  });

  it('a WeCom outage delays the write-back without losing it', async () => {
    await simulator.setOutage('busy', ['/externalcontact/mark_tag'], corp.corpId);
    const job = await tagAndWait({ externalUserids: [ids['赵六']], addTagIds: [tags['重要']] });
    // Saved locally even though WeCom is down.
    expect((await list({ keyword: '赵六' })).items[0].tags.map((t) => t.name)).toEqual(['重要']);
    // The workflow keeps retrying while WeCom is down, and the job stays unfinished.
    const workflow = app.temporal.workflow.getHandle(`customer-tagging/${TENANT}/${job.id}`);
    await eventually(async () => ((await workflow.describe()).raw.pendingActivities?.[0]?.attempt ?? 0) >= 3);
    expect((await admin.get(`/api/customers/tag-jobs/${job.id}`)).body).toMatchObject({
      status: 'running',
      written: 0,
    });
    expect(await simTagsOf(ids['赵六'])).toEqual({ 'sales-c': [] });

    await simulator.setOutage('off', undefined, corp?.corpId);
    await eventually(
      async () => (await admin.get(`/api/customers/tag-jobs/${job.id}`)).body.status === 'completed',
      90_000,
    );
    expect(await simTagsOf(ids['赵六'])).toEqual({ 'sales-c': ['重要'] });
  }, 120_000);

  it('WeCom refusing a relation is recorded on the job and shown, the rest still written', async () => {
    const ghost = await customer({
      name: '孙七',
      adders: [{ userid: 'sales-a', day: '2026-11-11' }],
      inWeCom: false,
    });
    const job = await tagAndWait({ externalUserids: [ghost, ids['赵六']], addTagIds: [tags['普通']] });
    const done = await eventually(async () => {
      const body = (await admin.get(`/api/customers/tag-jobs/${job.id}`)).body;
      return body.status === 'completed' ? body : undefined;
    });
    expect(done.written).toBe(2);
    expect(done.failures).toEqual([
      expect.objectContaining({ externalUserid: ghost, userid: 'sales-a', errcode: expect.any(Number) }),
    ]);
    expect(done.failures[0].errcode).not.toBe(0);
    expect((await simTagsOf(ids['赵六']))['sales-c']).toEqual(['普通', '重要']);
  });
});

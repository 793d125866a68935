import { createHash } from 'node:crypto';
import request from 'supertest';
import { deriveCustomerFields, type FollowFacts } from '../../lib/customers/customer-derived';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { StaffModel } from '../../lib/models/staff.model';
import { stackEnv } from '../support/stack-env';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers } from '../support/customer-search';
import { simulator, type SimCorp } from '../support/sim-client';
import { createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('h5');

describe('H5 sidebar: OAuth identity, JS-SDK signature, 客户资料 (R-3.1.4, API.md §16)', () => {
  let app: TestApp;
  let corp: SimCorp;

  beforeAll(async () => {
    app = await startTestApp('h5-sidebar');
    corp = await simulator.createCorp('侧边栏企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    for (const [userid, mobile] of [
      ['admin', '13700000501'],
      ['lina', '13700000502'],
      ['off', '13700000503'],
    ]) {
      await simulator.addUser(corp.corpId, { userid, name: userid, mobile, department: [1] });
    }
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000501' });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000502',
      roleId: roles.staff,
    });
    await StaffModel.create({ tenantId: TENANT, userid: 'off', name: '未开通', mobile: '13700000503' });
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-wechat',
      name: '微信客户',
      type: 1,
      adderUserids: ['lina'],
      ownerUserid: 'lina',
      firstAddedAt: new Date('2026-11-01T02:03:00Z'),
    });
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-wecom',
      name: '企微客户',
      type: 2,
      corpName: '某公司',
      adderUserids: ['lina'],
    });
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-other',
      name: '别人的',
      adderUserids: ['admin'],
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** WeCom opens the sidebar page as `userid`: our start → WeCom OAuth (silent in the client) → our callback. */
  async function openSidebarAs(userid: string) {
    await simulator.setClientContext(corp.corpId, {
      userid,
      entry: 'single_chat_tools',
      externalUserid: 'wm-wechat',
    });
    const browser = request.agent(app.baseUrl);
    const start = await browser
      .get('/api/h5/auth/start')
      .query({ corpId: corp.corpId, next: '/h5/customer' });
    expect(start.status).toBe(302);
    const oauth = new URL(start.headers.location);
    expect(`${oauth.origin}${oauth.pathname}`).toBe(`${stackEnv.wecomApiBase}/connect/oauth2/authorize`);
    expect(oauth.searchParams.get('scope')).toBe('snsapi_base');
    expect(oauth.searchParams.get('redirect_uri')).toBe(`${app.baseUrl}/api/h5/auth/callback`);
    expect(oauth.hash).toBe('#wechat_redirect');
    const atWeCom = await fetch(oauth.toString().split('#')[0], { redirect: 'manual' });
    expect(atWeCom.status).toBe(302);
    const back = new URL(atWeCom.headers.get('location')!);
    const finish = await browser.get(`${back.pathname}${back.search}`);
    expect(finish.status).toBe(302);
    return { browser, finish };
  }

  it('knows the member from WeCom OAuth and gives them the session the H5 pages use', async () => {
    const { browser, finish } = await openSidebarAs('lina');
    expect(finish.headers.location).toBe('/h5/customer');
    const me = await browser.get('/api/auth/me').expect(200);
    expect(me.body.user.userid).toBe('lina');
    const audit = await AuditLogModel.findOne({
      tenantId: TENANT,
      action: 'login',
      'after.method': 'wecom-h5',
    }).lean();
    expect(audit).toBeTruthy();
  });

  it('refuses a member without 开启系统 with the login’s wording', async () => {
    const { finish } = await openSidebarAs('off');
    expect(finish.headers.location).toBe(
      `/h5/error?${new URLSearchParams({ message: '号码失效，请联系管理员' })}`,
    );
  });

  it('signs the page for agentConfig with the app ticket, as WeCom verifies it', async () => {
    const { browser } = await openSidebarAs('lina');
    const page = `${app.baseUrl}/h5/customer?corpId=${corp.corpId}`;
    const config = (
      await browser
        .get('/api/h5/jssdk-config')
        .query({ url: `${page}#records` })
        .expect(200)
    ).body;
    expect(config).toMatchObject({
      corpId: corp.corpId,
      agentId: corp.appAgentId,
      jssdkUrl: `${stackEnv.wecomApiBase}/wwopen/js/jwxwork-sim.js`,
    });
    expect(config.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);

    // Our own vector: the ticket WeCom hands the app (the same while valid), signed by hand.
    const token = (await (
      await fetch(
        `${stackEnv.wecomApiBase}/cgi-bin/gettoken?corpid=${corp.corpId}&corpsecret=${corp.secrets.app}`,
      )
    ).json()) as { access_token: string };
    const ticket = (await (
      await fetch(
        `${stackEnv.wecomApiBase}/cgi-bin/ticket/get?access_token=${token.access_token}&type=agent_config`,
      )
    ).json()) as { ticket: string };
    const expected = createHash('sha1')
      .update(
        `jsapi_ticket=${ticket.ticket}&noncestr=${config.nonceStr}&timestamp=${config.timestamp}&url=${page}`,
      )
      .digest('hex');
    expect(config.signature).toBe(expected);

    const verdict = await fetch(`${stackEnv.wecomApiBase}/wwopen/jssdk/agent-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        corpid: config.corpId,
        agentid: config.agentId,
        timestamp: config.timestamp,
        nonceStr: config.nonceStr,
        signature: config.signature,
        jsApiList: config.jsApiList,
        url: page,
      }),
    });
    expect(((await verdict.json()) as { errMsg: string }).errMsg).toBe('agentConfig:ok');
  });

  it('shows the 客户资料 and edits only the fields the customer’s kind allows', async () => {
    const { browser } = await openSidebarAs('lina');
    const profile = (await browser.get('/api/h5/customers/wm-wechat').expect(200)).body;
    expect(profile).toMatchObject({
      name: '微信客户',
      type: 1,
      owner: { userid: 'lina', name: '李娜' },
      staffCount: 1,
      groupCount: 0,
      editableFields: ['corpName', 'position', 'phone', 'source'],
    });
    const edited = await browser
      .patch('/api/h5/customers/wm-wechat')
      .send({ corpName: '新公司', phone: '13912345678', source: '官网' })
      .expect(200);
    expect(edited.body).toMatchObject({ corpName: '新公司', phone: '13912345678', source: '官网' });
    const stored = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: 'wm-wechat' }).lean();
    expect(stored?.phones).toContain('13912345678');
    // The same edit as 客户详情's, audited the same way.
    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'customer.edit' }).lean();
    expect(audit).toMatchObject({
      target: { id: 'wm-wechat', name: '微信客户' },
      before: { corpName: '', phone: '', source: '' },
      after: { corpName: '新公司', phone: '13912345678', source: '官网' },
    });

    const wecomCustomer = await browser.patch('/api/h5/customers/wm-wecom').send({ corpName: '改名' });
    expect(wecomCustomer.status).toBe(400);
    expect(wecomCustomer.body.error.message).toMatch(/^企业微信客户的企业名称由企业微信同步，不可编辑/);
    const badSource = await browser.patch('/api/h5/customers/wm-wecom').send({ source: '随便' });
    expect(badSource.body.error.message).toMatch(/^客户来源不存在/);
    expect((await browser.get('/api/h5/customers/wm-other')).status).toBe(404);
  });

  it('tags the customer from the side panel through the admin’s durable path, inside 数据权限', async () => {
    const group = await simulator.addCorpTags(corp.corpId, {
      group_name: '侧边栏标签',
      tag: [{ name: '意向' }, { name: '已成交' }],
    });
    const [intent, closed] = group.tag_group.tag.map((tag) => tag.id);
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: group.tag_group.group_id,
      name: '侧边栏标签',
      tags: group.tag_group.tag.map((tag) => ({ tagId: tag.id, name: tag.name })),
    });
    const added = await simulator.addCustomer(corp.corpId, { userid: 'lina', name: '标签客户' });
    const externalUserid = added.customer.external_userid;
    const follows = [{ userid: 'lina', addedAt: new Date('2026-11-02T02:00:00Z'), tagIds: [closed] }];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid,
      name: '标签客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows as FollowFacts[], undefined),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    await app.startWorker();

    const { browser } = await openSidebarAs('lina');
    const options = (await browser.get('/api/h5/tag-options').expect(200)).body;
    expect(options.tagGroups).toEqual([
      { groupId: group.tag_group.group_id, name: '侧边栏标签', tags: expect.any(Array) },
    ]);
    const tagged = await browser
      .post(`/api/h5/customers/${externalUserid}/tags`)
      .send({ addTagIds: [intent], removeTagIds: [closed] })
      .expect(202);
    expect(tagged.body.profile.tags).toEqual([{ id: intent, name: '意向' }]);
    expect(tagged.headers.location).toBe(`/api/customers/tag-jobs/${tagged.body.job.id}`);

    await eventually(async () => {
      const job = await browser.get(`/api/customers/tag-jobs/${tagged.body.job.id}`).expect(200);
      return job.body.status === 'completed';
    });
    const inWeCom = await simulator.customer(corp.corpId, externalUserid);
    expect(inWeCom.follow_user[0].tags?.map((tag) => tag.tag_id)).toEqual([intent]);
    const audit = await AuditLogModel.findOne({ tenantId: TENANT, action: 'customer.tag' }).lean();
    expect(audit).toMatchObject({
      target: { name: '标签客户' },
      before: { tags: { [externalUserid]: [closed] } },
      after: { tags: { [externalUserid]: [intent] } },
    });

    const outside = await browser.post('/api/h5/customers/wm-other/tags').send({ addTagIds: [intent] });
    expect(outside.status).toBe(404);
    const none = await browser.post(`/api/h5/customers/${externalUserid}/tags`).send({});
    expect(none.body.error.message).toContain('请选择标签');
  }, 60_000);
});

import request from 'supertest';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { NewContactModel } from '../../lib/models/new-contact.model';
import { StaffCodeModel } from '../../lib/models/staff-code.model';
import { StaffModel } from '../../lib/models/staff.model';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { acquisitionScenario, customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { stackEnv } from '../support/stack-env';

const TENANT = freshTenantId('staffcodes');
const ADMIN_MOBILE = '13700000501';
const MEMBERS = [
  { userid: 'lina', name: '李娜', mobile: '13700000511' },
  { userid: 'wangwei', name: '王伟', mobile: '13700000512' },
  { userid: 'zhaolei', name: '赵磊', mobile: '13700000513' },
  { userid: 'leaver', name: '离职者', mobile: '13700000514' },
];
/** A department of our own with 100 members: one more member passes the 100-member cap. */
const BIG_DEPARTMENT = 50;

type Agent = ReturnType<typeof request.agent>;
interface CodeView {
  id: string;
  kind: string;
  status: string;
  qrCode: string | null;
  sync: { status: string; errcode?: number };
  members: Array<{ userid: string; left: boolean }>;
}

/**
 * 员工活码 and 欢迎语 against the simulator: codes kept in step with WeCom's 「联系我」, the
 * 100-member rule, and what happens when a customer scans a code (welcome within 20 s, once; code tags).
 */
describe('员工活码 and 欢迎语', () => {
  let app: TestApp;
  let admin: Agent;
  let corp: SimCorp;
  let vipTag: string;
  let roles: { staff: string };

  beforeAll(async () => {
    app = await startTestApp('staff-codes');
    corp = await simulator.createCorp('活码企业');
    ({ roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE }));
    for (const member of MEMBERS) {
      await simulator.addUser(corp.corpId, { ...member, department: [1] });
    }
    await DepartmentModel.insertMany([
      { tenantId: TENANT, deptId: 1, name: corp.name, parentId: 0 },
      { tenantId: TENANT, deptId: BIG_DEPARTMENT, name: '大部门', parentId: 1 },
    ]);
    await StaffModel.insertMany([
      ...MEMBERS.map((member) => ({ tenantId: TENANT, ...member, departmentIds: [1] })),
      ...Array.from({ length: 100 }, (_, i) => ({
        tenantId: TENANT,
        userid: `big${i}`,
        name: `大部门${i}`,
        departmentIds: [BIG_DEPARTMENT],
      })),
    ]);
    const callbacks = await ensureCallbackSettings(TENANT);
    for (const [kind, keys] of [
      ['customers', callbacks.customers],
      ['contacts', callbacks.contacts],
    ] as const) {
      const config = {
        url: `${app.baseUrl}/wecom/callback/${TENANT}/${kind}`,
        token: keys.token,
        encodingAesKey: keys.aesKey,
      };
      const saved =
        kind === 'customers'
          ? await simulator.setCustomersCallback(corp.corpId, config)
          : await simulator.setContactsCallback(corp.corpId, config);
      expect(saved.verified).toBe(true);
    }
    await app.startWorker();
    const tags = await customerScenario.addCorpTags(corp.corpId, {
      group_name: '来源',
      tag: [{ name: '活码客户' }],
    });
    vipTag = tags.tag_group.tag[0].id;
    await eventually(() => CorpTagGroupModel.findOne({ tenantId: TENANT, 'tags.tagId': vipTag }).lean());
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const wayOf = async (state: string) =>
    (await acquisitionScenario.contactWays(corp.corpId)).contact_ways.find((way) => way.state === state);

  async function synced(codeId: string): Promise<CodeView> {
    return eventually(async () => {
      const view = (await admin.get(`/api/staff-codes/${codeId}`).expect(200)).body as CodeView;
      return view.sync.status === 'synced' ? view : false;
    });
  }

  async function createCode(body: Record<string, unknown>): Promise<CodeView> {
    const response = await admin.post('/api/staff-codes').send(body).expect(201);
    return response.body.items[0] as CodeView;
  }

  it('creates, edits and deletes a 多人 code in step with WeCom’s contact way', async () => {
    const created = await createCode({
      kind: 'multi',
      userids: ['lina', 'wangwei'],
      scene: '门店海报',
      skipVerify: true,
      tagIds: [vipTag],
      welcomeText: '您好，感谢您的关注！',
    });
    expect(created).toMatchObject({ kind: 'multi', status: 'normal' });
    const code = await synced(created.id);
    expect(code.qrCode).toMatch(/\.png$/);
    const png = await fetch(code.qrCode!);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(await wayOf(created.id)).toMatchObject({
      type: 2,
      scene: 2,
      skip_verify: true,
      user: ['lina', 'wangwei'],
    });

    await admin
      .put(`/api/staff-codes/${created.id}`)
      .send({ userids: ['zhaolei'], scene: '门店海报', skipVerify: false, tagIds: [], welcomeText: '' })
      .expect(200);
    await eventually(async () => {
      const way = await wayOf(created.id);
      return way?.user.join() === 'zhaolei' && way.skip_verify === false;
    });

    await admin.delete(`/api/staff-codes/${created.id}`).expect(204);
    const audit = await admin.get('/api/audit-logs').query({ action: 'staff-code.delete' }).expect(200);
    expect(audit.body.items[0]).toMatchObject({ target: { id: created.id, name: '门店海报' } });
    await eventually(async () => !(await wayOf(created.id)));
    await admin.get(`/api/staff-codes/${created.id}`).expect(404);
  });

  it('counts departments’ members towards the 100-member cap; 批量单人 makes one 单人 code per member', async () => {
    const over = await admin
      .post('/api/staff-codes')
      .send({ kind: 'multi', userids: ['lina'], departmentIds: [BIG_DEPARTMENT], scene: '超限' })
      .expect(400);
    expect(over.body.error.message).toBe('每个多人活码最多支持设置100位员工');
    const batchOver = await admin
      .post('/api/staff-codes')
      .send({ kind: 'batch', userids: ['lina'], departmentIds: [BIG_DEPARTMENT], scene: '超限' })
      .expect(400);
    expect(batchOver.body.error.message).toBe('批量单人最多支持选择100位员工');
    const single = await admin
      .post('/api/staff-codes')
      .send({ kind: 'single', userids: ['lina', 'wangwei'], scene: '单人' })
      .expect(400);
    expect(single.body.error.message).toBe('单人活码只能选择一位员工');
    const tooLong = await admin
      .post('/api/staff-codes')
      .send({ kind: 'single', userids: ['lina'], scene: '场'.repeat(31) })
      .expect(400);
    expect(tooLong.body.error.message).toContain('活动场景最多30个字');

    const batch = await admin
      .post('/api/staff-codes')
      .send({ kind: 'batch', userids: ['lina', 'wangwei'], scene: '批量' })
      .expect(201);
    expect(batch.body.items.map((item: CodeView) => item.kind)).toEqual(['single', 'single']);
    for (const item of batch.body.items as CodeView[]) {
      await synced(item.id);
      expect((await wayOf(item.id))?.type).toBe(1);
    }
    const list = await admin.get('/api/staff-codes').query({ kind: 'single', keyword: '批量' }).expect(200);
    expect(list.body.total).toBe(2);
  });

  it('a scan sends the code’s welcome within the window once, tags the customer and records the source', async () => {
    const code = await createCode({
      kind: 'multi',
      userids: ['lina', 'wangwei'],
      scene: '扫码欢迎',
      tagIds: [vipTag],
      welcomeText: '您好，感谢您的关注！',
    });
    const way = (await synced(code.id)) && (await wayOf(code.id));
    const scan = await acquisitionScenario.scanContactWay(corp.corpId, way!.config_id, { name: '扫码客户' });
    expect(scan.delivery?.status).toBe('delivered');
    const customerId = scan.customer.external_userid;

    await eventually(async () => {
      const row = await NewContactModel.findOne({ tenantId: TENANT, externalUserid: customerId }).lean();
      return row?.welcome?.status === 'sent' && row.tagging?.status === 'done' ? row : false;
    });
    // WeCom delivers the same event twice more: nothing is sent or recorded again.
    await simulator.replay(corp.corpId, scan.delivery!.id);
    await simulator.replay(corp.corpId, scan.delivery!.id);
    const welcomes = (await acquisitionScenario.welcomeMessages(corp.corpId, customerId)).welcome_messages;
    expect(welcomes).toEqual([expect.objectContaining({ text: { content: '您好，感谢您的关注！' } })]);
    expect(await NewContactModel.countDocuments({ tenantId: TENANT, externalUserid: customerId })).toBe(1);

    const wecomSide = await simulator.customer(corp.corpId, customerId);
    expect(wecomSide.follow_user[0].tags?.map((tag) => tag.tag_id)).toEqual([vipTag]);
    const stored = await eventually(async () => {
      const customer = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: customerId }).lean();
      return customer?.tagIds.includes(vipTag) ? customer : false;
    });
    expect(stored.follows[0].state).toBe(code.id);

    const detail = await admin.get(`/api/customers/${customerId}`).expect(200);
    expect(detail.body.addEvents).toEqual([
      expect.objectContaining({ channel: '员工活码：扫码欢迎', welcome: '欢迎语已发送' }),
    ]);
    const adds = await admin.get(`/api/staff-codes/${code.id}/adds`).expect(200);
    expect(adds.body.items).toEqual([
      expect.objectContaining({ externalUserid: customerId, welcome: { status: 'sent' } }),
    ]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const trend = await admin
      .get(`/api/staff-codes/${code.id}/trend`)
      .query({ from: today, to: today })
      .expect(200);
    expect(trend.body.days).toEqual([{ date: today, added: 1, total: 1 }]);
  });

  it('records WeCom’s refusal when the welcome code expired (41050) or was used already (41051)', async () => {
    const code = await createCode({
      kind: 'single',
      userids: ['zhaolei'],
      scene: '过期',
      welcomeText: '欢迎',
    });
    const way = (await synced(code.id)) && (await wayOf(code.id));
    await app.stopWorker();
    const late = await acquisitionScenario.scanContactWay(corp.corpId, way!.config_id, { name: '迟到客户' });
    const used = await acquisitionScenario.scanContactWay(corp.corpId, way!.config_id, { name: '已用客户' });
    // Another app (or the console) answered the second customer first.
    const token = await fetch(
      `${stackEnv.wecomApiBase}/cgi-bin/gettoken?corpid=${corp.corpId}&corpsecret=${corp.secrets.externalContact}`,
    ).then((r) => r.json() as Promise<{ access_token: string }>);
    const sent = await fetch(
      `${stackEnv.wecomApiBase}/cgi-bin/externalcontact/send_welcome_msg?access_token=${token.access_token}`,
      {
        method: 'POST',
        body: JSON.stringify({ welcome_code: used.welcome_code, text: { content: '抢先' } }),
      },
    ).then((r) => r.json() as Promise<{ errcode: number }>);
    expect(sent.errcode).toBe(0);
    await acquisitionScenario.advanceClock(25);
    await app.startWorker();

    const outcome = (externalUserid: string) =>
      eventually(async () => {
        const row = await NewContactModel.findOne({ tenantId: TENANT, externalUserid }).lean();
        return row?.welcome?.status === 'failed' ? row.welcome : false;
      });
    expect(await outcome(late.customer.external_userid)).toMatchObject({ errcode: 41050 });
    expect(await outcome(used.customer.external_userid)).toMatchObject({ errcode: 41051 });
  });

  it('falls back to the default welcome, with #nickname# and a link, for a customer added without a code', async () => {
    await admin
      .post('/api/welcome-messages/default')
      .send({
        text: '#nickname# 您好，欢迎了解我们',
        attachment: { kind: 'link', title: '官网', url: 'https://example.com/', desc: '公司介绍' },
      })
      .expect(201);
    const second = await admin.post('/api/welcome-messages/default').send({ text: '另一条' }).expect(409);
    expect(second.body.error.message).toBe('已存在默认欢迎语，请编辑后保存');

    const added = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '王小明' });
    const externalUserid = added.customer.external_userid;
    const welcome = await eventually(async () => {
      const { welcome_messages } = await acquisitionScenario.welcomeMessages(corp.corpId, externalUserid);
      return welcome_messages[0];
    });
    expect(welcome.text).toEqual({ content: '王小明 您好，欢迎了解我们' });
    expect(welcome.attachments).toEqual([
      { msgtype: 'link', link: { title: '官网', url: 'https://example.com/', desc: '公司介绍' } },
    ]);
    // WeCom has it before the activity writes down that it was sent.
    const recorded = await eventually(async () => {
      const row = await NewContactModel.findOne({ tenantId: TENANT, externalUserid }).lean();
      return row?.welcome?.status === 'pending' ? false : row?.welcome;
    });
    expect(recorded).toMatchObject({ status: 'sent', source: 'default' });
  });

  it('sends an uploaded image by URL and a mini-program with its cover uploaded to WeCom', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const gif = await admin
      .post('/api/welcome-images')
      .attach('file', png, { filename: 'a.gif', contentType: 'image/gif' });
    expect(gif.status).toBe(400);
    expect(gif.body.error.message).toBe('只能上传jpg/png格式图片，且不超过2M');
    const image = (
      await admin
        .post('/api/welcome-images')
        .attach('file', png, { filename: 'cover.png', contentType: 'image/png' })
    ).body as { fileId: string; url: string };
    const served = await fetch(image.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);

    const [current] = (await admin.get('/api/welcome-messages/default').expect(200)).body.items;
    await admin
      .put(`/api/welcome-messages/default/${current.id}`)
      .send({
        text: '欢迎',
        attachment: {
          kind: 'miniprogram',
          title: '商城',
          appid: 'wx0001',
          page: 'pages/home',
          coverFileId: image.fileId,
        },
      })
      .expect(200);
    const withMini = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '小程序客户' });
    const mini = await eventually(async () => {
      const { welcome_messages } = await acquisitionScenario.welcomeMessages(
        corp.corpId,
        withMini.customer.external_userid,
      );
      return welcome_messages[0];
    });
    expect(mini.attachments).toEqual([
      {
        msgtype: 'miniprogram',
        miniprogram: { title: '商城', appid: 'wx0001', page: 'pages/home', pic_media_id: expect.any(String) },
      },
    ]);

    await admin
      .put(`/api/welcome-messages/default/${current.id}`)
      .send({ text: '', attachment: { kind: 'image', fileId: image.fileId, name: 'cover.png' } })
      .expect(200);
    const withImage = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '图片客户' });
    const pictured = await eventually(async () => {
      const { welcome_messages } = await acquisitionScenario.welcomeMessages(
        corp.corpId,
        withImage.customer.external_userid,
      );
      return welcome_messages[0];
    });
    expect(pictured.attachments).toEqual([{ msgtype: 'image', image: { pic_url: image.url } }]);
  });

  it('turns a code 异常 when its members have all left, and still records a customer who came through it', async () => {
    const code = await createCode({ kind: 'single', userids: ['leaver'], scene: '离职' });
    const way = (await synced(code.id)) && (await wayOf(code.id));
    await app.stopWorker();
    const scan = await acquisitionScenario.scanContactWay(corp.corpId, way!.config_id, {
      name: '最后的客户',
    });
    await simulator.deleteUser(corp.corpId, 'leaver');
    await app.startWorker();

    await eventually(async () => {
      const stored = await StaffCodeModel.findOne({ tenantId: TENANT, _id: code.id }).lean();
      return stored?.status === 'abnormal';
    });
    const list = await admin.get('/api/staff-codes').query({ status: 'abnormal' }).expect(200);
    expect(list.body.items.map((item: CodeView) => item.id)).toEqual([code.id]);
    const row = await eventually(() =>
      NewContactModel.findOne({ tenantId: TENANT, externalUserid: scan.customer.external_userid }).lean(),
    );
    expect(row).toMatchObject({ codeId: code.id, userid: 'leaver' });
  });

  it('a member with 只看本人 sees the codes they are in, and no other', async () => {
    const others = await createCode({ kind: 'single', userids: ['zhaolei'], scene: '别人的活码' });
    await admin.put('/api/org/staff/wangwei/role').send({ roleId: roles.staff }).expect(204);
    await admin.put('/api/org/staff/wangwei/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/wangwei/password').send({ password: 'Staff1234' }).expect(204);
    const wangwei = request.agent(app.baseUrl);
    await wangwei.post('/api/auth/login').send({ phone: '13700000512', password: 'Staff1234' }).expect(200);

    const page = (await wangwei.get('/api/staff-codes').query({ pageSize: 100 }).expect(200)).body as {
      items: CodeView[];
      total: number;
    };
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((item) => item.members.some((member) => member.userid === 'wangwei'))).toBe(true);
    await wangwei.get(`/api/staff-codes/${others.id}`).expect(404);
    await wangwei.delete(`/api/staff-codes/${others.id}`).expect(403);
  });

  it('客户群欢迎语 becomes a WeCom template and every group owner is told once; edit and delete follow', async () => {
    // departed still owns a group here, but WeCom no longer has the member: the notice cannot reach them.
    await StaffModel.create({ tenantId: TENANT, userid: 'departed', name: '离职群主', departmentIds: [1] });
    for (const [chatId, owner] of [
      ['wrChat1', 'lina'],
      ['wrChat2', 'wangwei'],
      ['wrChat3', 'lina'],
      ['wrChat4', 'departed'],
    ]) {
      await CustomerGroupModel.create({ tenantId: TENANT, chatId, ownerUserid: owner, name: chatId });
    }
    const created = await admin
      .post('/api/welcome-messages/group')
      .send({
        text: '欢迎来到沃丰科技',
        attachment: { kind: 'link', title: '官网', url: 'https://example.com/' },
      })
      .expect(201);
    expect(created.body.summary).toBe('欢迎来到沃丰科技 [链接]');
    const template = await eventually(async () => {
      const { templates } = await acquisitionScenario.groupWelcomeTemplates(corp.corpId);
      return templates.find((t) => t.text?.content === '欢迎来到沃丰科技');
    });
    const notices = async (userid: string) =>
      (await simulator.appMessages(corp.corpId, userid)).messages.filter(
        (message) => message.content.title === '管理员创建了一条新的入群欢迎语',
      );
    await eventually(async () => (await notices('wangwei')).length === 1);
    expect(await notices('lina')).toHaveLength(1);
    expect((await notices('lina'))[0].content).toMatchObject({ btntxt: '前往配置' });
    expect((await notices('lina'))[0].content.description).toContain('配置入群欢迎语到我的客户群');
    const listed = await eventually(async () => {
      const page = await admin.get('/api/welcome-messages/group').expect(200);
      const item = page.body.items.find((w: { id: string }) => w.id === created.body.id);
      return item?.ownersUndelivered?.length ? item : undefined;
    });
    expect(listed.ownersUndelivered).toEqual([
      { userid: 'departed', name: '离职群主', reason: 'invaliduser' },
    ]);

    await admin
      .put(`/api/welcome-messages/group/${created.body.id}`)
      .send({ text: '欢迎新朋友' })
      .expect(200);
    await eventually(async () => {
      const { templates } = await acquisitionScenario.groupWelcomeTemplates(corp.corpId);
      return templates.find((t) => t.template_id === template.template_id)?.text?.content === '欢迎新朋友';
    });
    expect(await notices('lina')).toHaveLength(1);

    await admin.delete(`/api/welcome-messages/group/${created.body.id}`).expect(204);
    await eventually(async () => {
      const { templates } = await acquisitionScenario.groupWelcomeTemplates(corp.corpId);
      return !templates.some((t) => t.template_id === template.template_id);
    });
  });
});

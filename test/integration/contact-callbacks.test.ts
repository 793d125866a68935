import request from 'supertest';
import { CallbackInboxModel } from '../../lib/models/callback-inbox.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { ensureCallbackSettings } from '../../lib/wecom/binding-store';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { addUserQuietly, customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { connectCustomersCallback, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('cb');

describe('change_contact callbacks (R-7.1.1-01)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let callbackPath: string;

  beforeAll(async () => {
    app = await startTestApp('contact-callbacks');
    corp = await simulator.createCorp('回调测试企业');
    const secrets = await createBoundTenant(TENANT, corp, { adminMobile: '13700000021' });
    callbackPath = `/wecom/callback/${TENANT}/contacts`;
    // Saving the callback in WeCom runs the echostr URL check against the api.
    const saved = await simulator.setContactsCallback(corp.corpId, {
      url: `${app.baseUrl}${callbackPath}`,
      token: secrets.callbackToken,
      encodingAesKey: secrets.callbackAesKey,
    });
    expect(saved.verified).toBe(true);
    await app.startWorker();
  });

  afterAll(async () => {
    await app?.stop();
  });

  const staff = (userid: string) => StaffModel.findOne({ tenantId: TENANT, userid }).lean();

  it('a member created in WeCom appears here, applied by the contact-events workflow', async () => {
    await simulator.addDepartment(corp.corpId, { id: 2, name: '销售部', parentid: 1 });
    await simulator.addUser(corp.corpId, {
      userid: 'zhaolei',
      name: '赵磊',
      mobile: '13911110001',
      department: [2],
    });
    const member = await eventually(() => staff('zhaolei'));
    expect(member).toMatchObject({ name: '赵磊', mobile: '13911110001', departmentIds: [2] });
    const department = await eventually(() =>
      DepartmentModel.findOne({ tenantId: TENANT, deptId: 2 }).lean(),
    );
    expect(department?.name).toBe('销售部');
  });

  it('an event delivered three times is stored once and applied once', async () => {
    await simulator.updateUser(corp.corpId, 'zhaolei', { position: '销售经理' });
    await eventually(async () => (await staff('zhaolei'))?.position === '销售经理');
    // The inbox row is marked applied a moment after the member is stored.
    await eventually(async () => {
      const rows = await CallbackInboxModel.find({ tenantId: TENANT, changeType: 'update_user' }).lean();
      return rows.length > 0 && rows.every((row) => row.status === 'applied');
    });
    const { deliveries } = await simulator.deliveries(corp.corpId);
    const update = deliveries[deliveries.length - 1];
    await simulator.replay(corp.corpId, update.id);
    await simulator.replay(corp.corpId, update.id);
    const rows = await CallbackInboxModel.find({ tenantId: TENANT, changeType: 'update_user' }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('applied');
  });

  it('applies changes in order: a renamed userid, then its deletion', async () => {
    await simulator.updateUser(corp.corpId, 'zhaolei', { new_userid: 'zhaolei2' });
    await simulator.deleteUser(corp.corpId, 'zhaolei2');
    await eventually(async () => (await staff('zhaolei2'))?.deletedAt);
    expect(await staff('zhaolei')).toBeNull();
  });

  it('works when WeCom sends only ids (callbacks configured after 2022-08-15)', async () => {
    const secrets = await createSecretsOf();
    await simulator.setContactsCallback(corp.corpId, {
      ...secrets,
      memberEventFields: 'idAndDepartment',
    } as never);
    await simulator.addUser(corp.corpId, {
      userid: 'sunli',
      name: '孙丽',
      mobile: '13911110002',
      department: [1],
    });
    const member = await eventually(() => staff('sunli'));
    expect(member).toMatchObject({ name: '孙丽', mobile: '13911110002' });
  });

  it('a department renamed and deleted in WeCom follows here', async () => {
    await simulator.addDepartment(corp.corpId, { id: 3, name: '市场部', parentid: 1 });
    await eventually(() => DepartmentModel.findOne({ tenantId: TENANT, deptId: 3 }).lean());
    await request(`${process.env.WECOM_API_BASE}`)
      .delete(`/sim/corps/${corp.corpId}/departments/3`)
      .expect(200);
    await eventually(async () => !(await DepartmentModel.exists({ tenantId: TENANT, deptId: 3 })));
  });

  it('applies a stored event whose hand-off was lost, once the next event arrives', async () => {
    // WeCom has the member, and the api stored its create_user event, but Temporal never got the signal.
    await addUserQuietly(corp, { userid: 'stranded', name: '滞留', mobile: '13911110003', department: [1] });
    await CallbackInboxModel.create({
      tenantId: TENANT,
      key: 'stranded-event',
      source: 'contacts',
      event: 'change_contact',
      changeType: 'create_user',
      xml: `<xml><ToUserName><![CDATA[${corp.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[stranded]]></UserID></xml>`,
      receivedAt: new Date(Date.now() - 5 * 60_000),
      status: 'received',
    });
    await simulator.addUser(corp.corpId, {
      userid: 'trigger',
      name: '触发',
      mobile: '13911110004',
      department: [1],
    });
    await eventually(() => staff('stranded'));
    // The inbox row is marked once the change is applied: a moment after the member is stored.
    const row = await eventually(async () => {
      const stored = await CallbackInboxModel.findOne({ tenantId: TENANT, key: 'stranded-event' }).lean();
      return stored?.status === 'applied' ? stored : undefined;
    });
    expect(row.status).toBe('applied');
  });

  it('leaves a stranded 客户联系 event to the customer-events workflow: the contact sweep neither reads nor fails it', async () => {
    // WeCom has the tag group, and the api stored its change_external_tag event, but Temporal never got the signal.
    const tags = await customerScenario.addCorpTags(corp.corpId, {
      group_name: '滞留标签组',
      tag: [{ name: '甲' }],
    });
    const groupId = tags.tag_group.group_id;
    await CallbackInboxModel.create({
      tenantId: TENANT,
      key: 'stranded-customer-event',
      source: 'customers',
      event: 'change_external_tag',
      changeType: 'create',
      xml: `<xml><ToUserName><![CDATA[${corp.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event><ChangeType><![CDATA[create]]></ChangeType><Id><![CDATA[${groupId}]]></Id><TagType><![CDATA[tag_group]]></TagType></xml>`,
      receivedAt: new Date(Date.now() - 5 * 60_000),
      status: 'received',
    });
    // Two contact events: the workflow sweeps the inbox after the first, so that sweep is over once the second is applied.
    for (const [i, userid] of ['sweep1', 'sweep2'].entries()) {
      await simulator.addUser(corp.corpId, {
        userid,
        name: `扫描${i}`,
        mobile: `1391111001${i}`,
        department: [1],
      });
      await eventually(() => staff(userid));
    }
    const untouched = await CallbackInboxModel.findOne({
      tenantId: TENANT,
      key: 'stranded-customer-event',
    }).lean();
    expect([untouched?.status, untouched?.error]).toEqual(['received', undefined]);

    // The next 客户联系 event wakes the customer-events workflow, whose own sweep applies the stranded one.
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    await customerScenario.addCorpTags(corp.corpId, { group_name: '触发标签组', tag: [{ name: '乙' }] });
    await eventually(async () => {
      const row = await CallbackInboxModel.findOne({
        tenantId: TENANT,
        key: 'stranded-customer-event',
      }).lean();
      if (row?.status === 'applied') return true;
      throw new Error(`stranded customer event: ${row?.status} ${row?.error ?? ''}`);
    });
    expect(await CorpTagGroupModel.findOne({ tenantId: TENANT, groupId }).lean()).toMatchObject({
      name: '滞留标签组',
    });
  });

  it('rejects a forged callback (bad signature) with 403 and stores nothing', async () => {
    const before = await CallbackInboxModel.countDocuments({ tenantId: TENANT });
    const response = await request(app.baseUrl)
      .post(callbackPath)
      .query({ msg_signature: 'f'.repeat(40), timestamp: '1700000000', nonce: 'abc' })
      .set('content-type', 'text/xml')
      .send('<xml><ToUserName><![CDATA[x]]></ToUserName><Encrypt><![CDATA[AAAA]]></Encrypt></xml>');
    expect(response.status).toBe(403);
    expect(await CallbackInboxModel.countDocuments({ tenantId: TENANT })).toBe(before);
  });

  it('rejects a URL check with a bad signature, and unknown tenants with 404', async () => {
    const bad = await request(app.baseUrl)
      .get(callbackPath)
      .query({ msg_signature: '0'.repeat(40), timestamp: '1', nonce: '2', echostr: 'AAAA' });
    expect(bad.status).toBe(403);
    const unknown = await request(app.baseUrl)
      .get('/wecom/callback/nobody/contacts')
      .query({ msg_signature: '0'.repeat(40), timestamp: '1', nonce: '2', echostr: 'AAAA' });
    expect(unknown.status).toBe(404);
    const malformed = await request(app.baseUrl).post(callbackPath).send('not xml');
    expect(malformed.status).toBe(400);
  });

  async function createSecretsOf() {
    const settings = await ensureCallbackSettings(TENANT);
    return {
      url: `${app.baseUrl}${callbackPath}`,
      token: settings.contacts.token,
      encodingAesKey: settings.contacts.aesKey,
    };
  }
});

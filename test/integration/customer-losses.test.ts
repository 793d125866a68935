import request from 'supertest';
import { createCustomerLossDigestActivities } from '../../activities/customer-loss-digest.activities';
import { loadAppMessageSender } from '../../activities/tenant-credentials';
import { digestWindowOf } from '../../lib/customer-losses/digest-window';
import { CustomerLossDigestModel } from '../../lib/models/customer-loss-digest.model';
import { CustomerLossModel } from '../../lib/models/customer-loss.model';
import { WeComClient } from '../../lib/wecom/client';
import { createMessageApi } from '../../lib/wecom/message-api';
import { CustomerModel } from '../../lib/models/customer.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { untilListed } from '../support/list-search';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';

const TENANT = freshTenantId('loss');
const ADMIN_MOBILE = '13700000091';
/** The digest window, shortened from an hour so the test need not wait one. */
const WINDOW_SECONDS = 4;

type Agent = ReturnType<typeof request.agent>;

/**
 * 流失提醒 (issue 19 item 3) on the real stack: the simulator ends relations both ways, each is one 流失客户
 * row however often WeCom delivers it, the list and the overview show them, and the member and the chosen
 * manager each get one digest app message for the window.
 */
describe('流失客户 and 流失提醒', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: Agent;

  beforeAll(async () => {
    app = await startTestApp('customer-losses', { LOSS_DIGEST_WINDOW_SECONDS: String(WINDOW_SECONDS) });
    corp = await simulator.createCorp('流失提醒企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    for (const [i, userid] of ['lina', 'wangwei', 'boss'].entries()) {
      await simulator.addUser(corp.corpId, {
        userid,
        name: `员工${i}`,
        mobile: `1382222000${i}`,
        department: [1],
      });
    }
    await app.startWorker();
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function applied(delivery: { status: string } | null) {
    expect(delivery?.status).toBe('delivered');
  }

  it('records each end once, lists it, counts it in 客户概览, and sends one digest per recipient and window', async () => {
    await admin
      .put('/api/customer-loss-alert-settings')
      .send({ enabled: true, notifyMember: true, managerUserids: ['boss'] })
      .expect(200);

    const zhang = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '张三' });
    const li = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '李四' });
    await applied(zhang.delivery);
    await applied(li.delivery);
    const zhangId = zhang.customer.external_userid;
    const liId = li.customer.external_userid;
    // The ends below are applied against the customers as stored (their names and tags).
    await eventually(
      async () => (await CustomerModel.countDocuments({ tenantId: TENANT, active: true })) === 2,
    );

    const byCustomer = await customerScenario.endRelation(corp.corpId, zhangId, 'lina', 'customer');
    const byMember = await customerScenario.endRelation(corp.corpId, liId, 'lina', 'member');
    await applied(byCustomer.delivery);
    await applied(byMember.delivery);
    // WeCom redelivers both: still two losses.
    for (const delivery of [byCustomer.delivery!, byMember.delivery!] as Array<{ id: string }>) {
      await simulator.replay(corp.corpId, delivery.id);
      await simulator.replay(corp.corpId, delivery.id);
    }
    await eventually(async () => (await CustomerLossModel.countDocuments({ tenantId: TENANT })) === 2);
    await untilListed(app, 'customer-losses', TENANT, 2);
    const list = await admin.get('/api/customer-losses').expect(200);
    expect(list.body.total).toBe(2);
    expect(
      list.body.items.map((row: { customerName: string; kind: string; userid: string }) => [
        row.customerName,
        row.kind,
        row.userid,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['张三', 'deleted_by_customer', 'lina'],
        ['李四', 'deleted_by_staff', 'lina'],
      ]),
    );
    const byKind = await admin.get('/api/customer-losses?kind=deleted_by_staff').expect(200);
    expect(byKind.body.items.map((row: { customerName: string }) => row.customerName)).toEqual(['李四']);
    const otherMember = await admin.get('/api/customer-losses?userid=wangwei').expect(200);
    expect(otherMember.body.total).toBe(0);
    await admin.get('/api/customer-losses?from=not-a-day').expect(400);

    const exported = await admin.get('/api/customer-losses/export').buffer(true).expect(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');

    // The losses are dated by WeCom's event time: the simulator's clock, which another suite may have moved on.
    const simNow = new Date((await simulator.clock()).now).getTime();
    const today = new Date(simNow + 8 * 3_600_000).toISOString().slice(0, 10);
    const overview = await admin
      .get(`/api/analytics/customers/overview?from=${today}&to=${today}`)
      .expect(200);
    expect(overview.body.lostCustomers).toBe(2);

    // One digest per window for the member and the manager, naming each loss once, however often WeCom
    // redelivered. Both losses usually share a window, but a loaded machine can put them either side of a
    // window's end: then each window has its own digest.
    const windows = new Set(
      (await CustomerLossModel.find({ tenantId: TENANT }).lean()).map((loss) => loss.digestBucket),
    );
    const digests = async (touser: string) =>
      (await simulator.appMessages(corp.corpId, touser)).messages.filter((m) =>
        String(m.content.content ?? '').startsWith('【流失提醒】'),
      );
    for (const recipient of ['lina', 'boss']) {
      const sent = await eventually(async () => {
        const found = await digests(recipient);
        return found.length >= windows.size ? found : undefined;
      }, 60_000);
      const texts = sent.map((digest) => String(digest.content.content));
      expect(texts.filter((text) => text.includes('客户「张三」删除了员工'))).toHaveLength(1);
      expect(texts.filter((text) => text.includes('删除了客户「李四」'))).toHaveLength(1);
    }
    // A window later, still one per window each.
    await new Promise((resolve) => setTimeout(resolve, (WINDOW_SECONDS + 2) * 1000));
    expect(await digests('lina')).toHaveLength(windows.size);
    expect(await digests('boss')).toHaveLength(windows.size);
    expect(await digests('wangwei')).toHaveLength(0);
  });

  it('sends a recipient’s digest once when its activity is retried, even after dying between send and record', async () => {
    // A window of an hour ago: no digest workflow waits for it, so only the calls below send it.
    const bucket = digestWindowOf(new Date(Date.now() - 3_600_000), WINDOW_SECONDS * 1000).bucket;
    const loss = (id: string, customerName: string) => ({
      _id: `digest-retry-${id}`,
      tenantId: TENANT,
      externalUserid: `wm-digest-retry-${id}`,
      userid: 'wangwei',
      kind: 'deleted_by_staff' as const,
      lostAt: new Date(),
      customerName,
      digestBucket: bucket,
    });
    await CustomerLossModel.insertMany([loss('1', '王五')]);
    const messages = createMessageApi(new WeComClient({ baseUrl: app.config.wecomApiBase }));
    const activitiesWith = (sendToMembers: typeof messages.sendToMembers) =>
      createCustomerLossDigestActivities({
        messages: { ...messages, sendToMembers },
        appSender: loadAppMessageSender,
        publicUrl: app.config.publicUrl,
      });
    const digest = { tenantId: TENANT, recipient: 'wangwei', bucket };

    // The first attempt reaches WeCom, then its worker dies before recording the send.
    const dying = activitiesWith(async (...args) => {
      await messages.sendToMembers(...args);
      throw new Error('worker killed');
    });
    await expect(dying.sendCustomerLossDigest(digest)).rejects.toThrow('worker killed');
    // Meanwhile the window gains a loss: the retry still sends the text the first attempt fixed.
    await CustomerLossModel.insertMany([loss('2', '赵六')]);
    const retried = activitiesWith(messages.sendToMembers);
    expect(await retried.sendCustomerLossDigest(digest)).toBe('sent');
    expect(await retried.sendCustomerLossDigest(digest)).toBe('sent');

    const received = (await simulator.appMessages(corp.corpId, 'wangwei')).messages.filter((m) =>
      String(m.content.content ?? '').includes('王五'),
    );
    expect(received).toHaveLength(1);
    expect(received[0].content.content).not.toContain('赵六');
    const stored = await CustomerLossDigestModel.findOne({
      tenantId: TENANT,
      _id: `${TENANT}:wangwei:${bucket}`,
    }).lean();
    expect(stored).toEqual(
      expect.objectContaining({ lossIds: ['digest-retry-1'], sentAt: expect.any(Date), undelivered: null }),
    );
  });
});

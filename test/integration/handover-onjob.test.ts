import request from 'supertest';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { CustomerLossModel } from '../../lib/models/customer-loss.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { backfillHandoverCustomers } from '../../lib/handovers/backfill-handover-customers';
import { HandoverCustomerModel } from '../../lib/models/handover-customer.model';
import { StartupMigrationModel } from '../../lib/models/startup-migration.model';
import { HandoverModel } from '../../lib/models/handover.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { customerScenario, simulator, transferScenario, type SimCorp } from '../support/sim-client';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';

const TENANT = freshTenantId('onjob');
const ADMIN_MOBILE = '13700000931';
const DAY_SECONDS = 86_400;

type Agent = ReturnType<typeof request.agent>;
interface Handover {
  id: string;
  finished: boolean;
  customers: Array<{ externalUserid: string; status: string; errcode: number | null }>;
  groups: Array<{ chatId: string; groupName: string; status: string; errcode: number | null }>;
}
interface Delivery {
  id: string;
  status: string;
}

/**
 * 在职继承 (issue 19 item 2) with WeCom's callbacks on: the check before 确定 (who is not eligible and why), a
 * failed takeover marked at once by its `transfer_fail` event rather than the hourly poll (and once, however
 * often WeCom delivers it), and the handover member's relation ended by the transfer (Source
 * DELETE_BY_TRANSFER) not counted as a lost customer while a member's own deletion is.
 */
describe('在职继承: eligibility, transfer_fail, DELETE_BY_TRANSFER', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: Agent;
  const ids: Record<'refuser' | 'crowded' | 'moved' | 'shared' | 'lost' | 'stranger', string> = {
    refuser: '',
    crowded: '',
    moved: '',
    shared: '',
    lost: '',
    stranger: '',
  };

  const detail = async (id: string): Promise<Handover> =>
    (await admin.get(`/api/handovers/${id}`).expect(200)).body as Handover;
  const statusOf = (handover: Handover, externalUserid: string) =>
    handover.customers.find((customer) => customer.externalUserid === externalUserid)?.status;
  const preview = (body: object) => admin.post('/api/handovers/onjob/preview').send(body);

  beforeAll(async () => {
    app = await startTestApp('handover-onjob');
    corp = await simulator.createCorp('在职继承企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    for (const [i, userid] of ['mover', 'heir', 'heir2', 'other', 'leaver'].entries()) {
      await simulator.addUser(corp.corpId, {
        userid,
        name: `在职成员${i}`,
        mobile: `1383333000${i}`,
        department: [1],
      });
    }
    await app.startWorker();
    for (const key of ['refuser', 'crowded', 'moved', 'shared', 'lost'] as const) {
      const added = await customerScenario.addCustomer(corp.corpId, { userid: 'mover', name: `客户${key}` });
      expect(added.delivery?.status).toBe('delivered');
      ids[key] = added.customer.external_userid;
    }
    await customerScenario.addCustomer(corp.corpId, { userid: 'heir', external_userid: ids.shared });
    ids.stranger = (
      await customerScenario.addCustomer(corp.corpId, { userid: 'other', name: '别人的客户' })
    ).customer.external_userid;
    await eventually(async () => {
      const shared = await CustomerModel.findOne({ tenantId: TENANT, externalUserid: ids.shared }).lean();
      const count = await CustomerModel.countDocuments({ tenantId: TENANT, active: true });
      return count === 6 && shared?.adderUserids.length === 2;
    }, 60_000);
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('shows who is not eligible and why before 确定, and refuses to start them', async () => {
    const checked = await preview({
      handoverUserid: 'mover',
      takeoverUserid: 'heir',
      externalUserids: [ids.refuser, ids.shared, ids.stranger, ids.moved],
    }).expect(200);
    expect(checked.body).toEqual({
      eligible: [ids.refuser, ids.moved],
      ineligible: [
        {
          externalUserid: ids.shared,
          customerName: '客户shared',
          reason: 'takeover_follows',
          reasonText: '已是接替成员的客户',
        },
        {
          externalUserid: ids.stranger,
          customerName: '别人的客户',
          reason: 'not_follower',
          reasonText: '不是原跟进成员的客户',
        },
      ],
      eligibleGroups: [],
      ineligibleGroups: [],
    });
    const start = (externalUserids: string[]) =>
      admin
        .post('/api/handovers')
        .send({ kind: 'onjob', handoverUserid: 'mover', takeoverUserid: 'heir', externalUserids });
    const notTheirs = await start([ids.refuser, ids.stranger]).expect(400);
    expect(notTheirs.body.error.message).toBe('1个客户不是原跟进成员的客户');
    const alreadyHeirs = await start([ids.refuser, ids.shared]).expect(400);
    expect(alreadyHeirs.body.error.message).toBe('1个客户已是接替成员的客户');
    expect(await HandoverModel.countDocuments({ tenantId: TENANT })).toBe(0);

    const same = await preview({
      handoverUserid: 'mover',
      takeoverUserid: 'mover',
      externalUserids: [ids.moved],
    });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toContain('接替成员不能是原跟进成员');
    const none = await preview({ handoverUserid: 'mover', takeoverUserid: 'heir', externalUserids: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('请选择要分配的客户');
  });

  it('marks a failed takeover at once from transfer_fail, once, and a transfer’s deletion is no lost customer', async () => {
    await transferScenario.setRefusing(corp.corpId, ids.refuser, true);
    await transferScenario.setCustomerLimit(corp.corpId, 'heir2', 0);
    const start = async (takeoverUserid: string, externalUserids: string[]) =>
      (
        await admin
          .post('/api/handovers')
          .send({ kind: 'onjob', handoverUserid: 'mover', takeoverUserid, externalUserids })
          .expect(202)
      ).body as Handover;
    const main = await start('heir', [ids.refuser, ids.moved]);
    const limited = await start('heir2', [ids.crowded]);
    await eventually(
      async () => (await detail(main.id)).customers.every((c) => c.status === 'waiting'),
      60_000,
    );
    await eventually(async () => statusOf(await detail(limited.id), ids.crowded) === 'waiting', 60_000);

    // While WeCom's 24 h run, the customer cannot be handed over again.
    const waiting = await preview({
      handoverUserid: 'mover',
      takeoverUserid: 'other',
      externalUserids: [ids.crowded],
    }).expect(200);
    expect(waiting.body.ineligible).toEqual([
      expect.objectContaining({ externalUserid: ids.crowded, reason: 'in_progress' }),
    ]);

    // WeCom's day passes for this corp; its events arrive. Nobody presses 刷新 and no hourly poll is due.
    const settled = (await transferScenario.settle(corp.corpId, DAY_SECONDS)) as unknown as {
      deliveries: Delivery[];
    };
    expect(settled.deliveries.every((delivery) => delivery.status === 'delivered')).toBe(true);
    const refusedFirst = await eventually(async () => {
      const handover = await detail(main.id);
      return statusOf(handover, ids.refuser) === 'refused' && handover;
    }, 60_000);
    expect(refusedFirst.customers.find((c) => c.externalUserid === ids.refuser)?.errcode).toBeNull();
    const atLimit = await eventually(async () => {
      const handover = await detail(limited.id);
      return handover.finished && handover;
    }, 60_000);
    expect(atLimit.customers).toEqual([
      expect.objectContaining({ externalUserid: ids.crowded, status: 'limit', errcode: null }),
    ]);
    // The event had the workflow read WeCom's results: the one taken over is done, and the handover finished.
    const done = await eventually(async () => {
      const handover = await detail(main.id);
      return handover.finished && handover;
    }, 60_000);
    expect(statusOf(done, ids.moved)).toBe('done');

    // WeCom delivers every event again: nothing changes.
    const stored = () =>
      Promise.all(
        [main.id, limited.id].map((_id) => HandoverModel.findOne({ tenantId: TENANT, _id }).lean()),
      );
    const before = await stored();
    for (const delivery of settled.deliveries) await simulator.replay(corp.corpId, delivery.id);

    // mover deletes a customer themselves: that one is lost; the transfer's deletion is not.
    const deleted = await customerScenario.endRelation(corp.corpId, ids.lost, 'mover', 'member');
    expect(deleted.delivery?.status).toBe('delivered');
    await eventually(async () => (await CustomerLossModel.countDocuments({ tenantId: TENANT })) > 0, 60_000);
    const byTransfer = await CustomerEventModel.findOne({
      tenantId: TENANT,
      externalUserid: ids.moved,
      kind: 'deleted_by_transfer',
    }).lean();
    expect(byTransfer?.userid).toBe('mover');
    const losses = await CustomerLossModel.find({ tenantId: TENANT }).lean();
    expect(losses.map((loss) => [loss.externalUserid, loss.userid, loss.kind])).toEqual([
      [ids.lost, 'mover', 'deleted_by_staff'],
    ]);
    expect(await stored()).toEqual(before);
  }, 240_000);

  it('hands a member’s own groups over on the job, refuses others’ with 400, and records WeCom’s refusal', async () => {
    const group = async (name: string, owner: string) => {
      const created = await customerScenario.createGroupChat(corp.corpId, { name, owner });
      expect(created.delivery?.status).toBe('delivered');
      return created.group_chat.chat_id;
    };
    const mine = await group('在职销售群', 'mover');
    const theirs = await group('别人的群', 'other');
    const gone = await group('已解散的群', 'mover');
    const stored = (chatId: string) => CustomerGroupModel.findOne({ tenantId: TENANT, chatId }).lean();
    const allStored = async () => (await Promise.all([mine, theirs, gone].map(stored))).every(Boolean);
    // Dismissed once stored: a group gone before its creation event is read is never stored at all.
    await eventually(allStored, 60_000);
    await customerScenario.dismissGroupChat(corp.corpId, gone);
    await eventually(async () => Boolean((await stored(gone))?.dismissedAt), 60_000);

    const checked = await preview({
      handoverUserid: 'mover',
      takeoverUserid: 'heir',
      chatIds: [mine, theirs, gone, 'wrOgQhDgAAunknown'],
    }).expect(200);
    expect(checked.body).toEqual({
      eligible: [],
      ineligible: [],
      eligibleGroups: [mine],
      ineligibleGroups: [
        { chatId: theirs, groupName: '别人的群', reason: 'not_owner', reasonText: '不是原跟进成员的客户群' },
        { chatId: gone, groupName: '已解散的群', reason: 'dismissed', reasonText: '已解散' },
        {
          chatId: 'wrOgQhDgAAunknown',
          groupName: '',
          reason: 'not_owner',
          reasonText: '不是原跟进成员的客户群',
        },
      ],
    });
    const hand = (handoverUserid: string, takeoverUserid: string, chatIds: string[]) =>
      admin.post('/api/handovers').send({ kind: 'onjob', handoverUserid, takeoverUserid, chatIds });
    const refused = await hand('mover', 'heir', [mine, theirs, gone]).expect(400);
    expect(refused.body.error.message).toBe('1个客户群不是原跟进成员的客户群；1个客户群已解散');

    // Handed over at once (groupchat/onjob_transfer), and the 客户群 list's 群主 follows; then back again.
    const finished = async (id: string) =>
      eventually(async () => {
        const handover = await detail(id);
        return handover.finished && handover;
      }, 60_000);
    for (const [from, to] of [
      ['mover', 'heir'],
      ['heir', 'mover'],
    ]) {
      const created = (await hand(from, to, [mine]).expect(202)).body as Handover;
      expect(created.groups).toEqual([
        { chatId: mine, groupName: '在职销售群', status: 'pending', errcode: null },
      ]);
      expect((await finished(created.id)).groups).toEqual([
        { chatId: mine, groupName: '在职销售群', status: 'done', errcode: null },
      ]);
      expect((await stored(mine))?.ownerUserid).toBe(to);
      await eventually(async () => {
        const page = await admin.get('/api/customer-groups').query({ ownerUserid: to }).expect(200);
        return page.body.items.some((row: { chatId: string }) => row.chatId === mine);
      }, 30_000);
    }

    // A third time within 90 days WeCom refuses the group (40128): recorded, the owner stays.
    const third = (await hand('mover', 'heir2', [mine]).expect(202)).body as Handover;
    expect((await finished(third.id)).groups).toEqual([
      { chatId: mine, groupName: '在职销售群', status: 'rejected', errcode: 40128 },
    ]);
    expect((await stored(mine))?.ownerUserid).toBe('mover');
  }, 180_000);

  it('counts handovers made before handover_customers existed, once backfilled (twice writes nothing twice)', async () => {
    const added = await customerScenario.addCustomer(corp.corpId, { userid: 'mover', name: '旧转接客户' });
    const externalUserid = added.customer.external_userid;
    await eventually(async () => Boolean(await CustomerModel.exists({ tenantId: TENANT, externalUserid })));
    // Two on-job transfers of the last 90 days, stored as the handovers of back then were: no index rows.
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_SECONDS * 1000);
    const old = [30, 10].map((days, i) => ({
      _id: `00000000000000000000000${i}`,
      tenantId: TENANT,
      kind: 'onjob',
      handoverUserid: i === 0 ? 'mover' : 'heir',
      takeoverUserid: i === 0 ? 'heir' : 'mover',
      successMsg: null,
      customers: [
        { externalUserid, status: 'done', errcode: null, takeoverAt: daysAgo(days - 1), appliedAt: null },
      ],
      groups: [],
      createdBy: { staffId: 'seed', userid: 'seed' },
      finishedAt: daysAgo(days - 1),
      createdAt: daysAgo(days),
      updatedAt: daysAgo(days - 1),
    }));
    // Written raw: the model would date them now.
    await HandoverModel.collection.insertMany(old as never[]);
    const check = () =>
      preview({ handoverUserid: 'mover', takeoverUserid: 'other', externalUserids: [externalUserid] }).expect(
        200,
      );
    expect((await check()).body.eligible).toEqual([externalUserid]);

    // The worker's start ran it already (before these existed): as on the first start after the upgrade.
    await StartupMigrationModel.deleteOne({ _id: 'handover-customers/v1' });
    expect(await backfillHandoverCustomers()).toBeGreaterThanOrEqual(2);
    expect((await check()).body.ineligible).toEqual([
      expect.objectContaining({ externalUserid, reason: 'too_frequent' }),
    ]);
    const rows = () => HandoverCustomerModel.countDocuments({ tenantId: TENANT });
    const before = await rows();
    expect(await backfillHandoverCustomers()).toBe(0);
    // Even when the mark is lost, a second run finds every row there.
    await StartupMigrationModel.deleteOne({ _id: 'handover-customers/v1' });
    await backfillHandoverCustomers();
    expect(await rows()).toBe(before);
  }, 120_000);

  it('lists the resigned members with customers waiting, for 离职继承’s 原跟进成员 filter', async () => {
    const members = () => admin.get('/api/handovers/resigned-members');
    expect((await members().expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    for (const name of ['留下的客户甲', '留下的客户乙'])
      await customerScenario.addCustomer(corp.corpId, { userid: 'leaver', name });
    await transferScenario.resign(corp.corpId, 'leaver');
    expect((await members().expect(200)).body).toEqual({
      items: [{ userid: 'leaver', name: expect.any(String), dimissionAt: expect.any(String), customers: 2 }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const byKeyword = await members().query({ keyword: 'LEAV' }).expect(200);
    expect(byKeyword.body.total).toBe(1);
    expect((await members().query({ keyword: '没有这个人' }).expect(200)).body.total).toBe(0);
    expect((await members().query({ page: 2, pageSize: 1 }).expect(200)).body.items).toEqual([]);
    const bad = await members().query({ pageSize: 0 }).expect(400);
    expect(bad.body.error.message).toEqual(expect.any(String));
  });
});

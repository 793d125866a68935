import request from 'supertest';
import { recordCustomerEvents, type CustomerEventRow } from '../../lib/customers/customer-writes';
import type {
  AnalyticsBackfillStatus,
  CustomerSource,
  OwnerDayGroupFigures,
  StaffDayFigures,
} from '../../lib/contracts/analytics.contract';
import { AuditLogModel } from '../../lib/models/audit-log.model';
import { ChatMessageModel } from '../../lib/models/chat-message.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { OwnerDayGroupStatModel } from '../../lib/models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { StaffModel } from '../../lib/models/staff.model';
import {
  ownerDayGroupStatDocument,
  ownerDayGroupStatReadModel,
} from '../../lib/search/owner-day-group-stat-index';
import { staffDayStatDocument, staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { addDays, chinaDayOf } from '../../workflows/china-day';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { listAlias, refreshListSearch } from '../support/list-search';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('analytics-rollups');
const ADMIN_MOBILE = '13700000091';
const STAFF = ['lina', 'wangwei', 'zhaolei'];
const TODAY = chinaDayOf(Date.now());
const D1 = addDays(TODAY, -2);
const D2 = addDays(TODAY, -1);
const at = (day: string, time: string) => new Date(`${day}T${time}+08:00`);

// ------------------------------------------------------------------------------------------------------------
// The raw rows: customer events, archived messages and groups with known times.

const events: CustomerEventRow[] = [];
function event(userid: string, kind: CustomerEventRow['kind'], when: Date, addWay?: number) {
  events.push({
    _id: `${kind}:${events.length}`,
    externalUserid: `wm-${events.length}`,
    userid,
    kind,
    at: when,
    addWay,
    via: 'callback',
  });
}
for (const day of [D1, D2]) {
  event('lina', 'added', at(day, '09:00:00'), 1);
  event('lina', 'added', at(day, '10:00:00'), 1);
  event('lina', 'added', at(day, '11:00:00'), 3);
  event('lina', 'added', at(day, '12:00:00'), 2);
  event('lina', 'half_added', at(day, '13:00:00'));
  event('wangwei', 'deleted_by_staff', at(day, '14:00:00'));
  event('wangwei', 'deleted_by_customer', at(day, '15:00:00'));
  event('wangwei', 'edited', at(day, '16:00:00'));
}
// 23:59:59 China time is still D1; 00:00:00 is D2.
event('zhaolei', 'added', at(D1, '23:59:59'), 1);
event('zhaolei', 'deleted_by_customer', at(D2, '00:00:00'));

interface Message {
  _id: string;
  tenantId: string;
  msgid: string;
  seq: number;
  action: string;
  msgtype: string;
  from: string;
  senderType: 'staff' | 'external';
  tolist: string[];
  roomid: string;
  chatKind: 'internal' | 'external' | 'group';
  conversationId: string;
  staffUserids: string[];
  externalUserids: string[];
  msgtime: Date;
  day: string;
  content: string;
}
const messages: Message[] = [];
function say(when: Date, from: string, to: string, options: { room?: string; action?: string } = {}) {
  const seq = messages.length + 1;
  const people = options.room ? [from] : [from, to];
  const staff = people.filter((id) => STAFF.includes(id));
  messages.push({
    _id: `${TENANT}:m${seq}`,
    tenantId: TENANT,
    msgid: `m${seq}`,
    seq,
    action: options.action ?? 'send',
    msgtype: options.action === 'recall' ? 'revoke' : 'text',
    from,
    senderType: STAFF.includes(from) ? 'staff' : 'external',
    tolist: options.room ? [] : [to],
    roomid: options.room ?? '',
    chatKind: options.room ? 'group' : staff.length === 2 ? 'internal' : 'external',
    conversationId: options.room ? `room:${options.room}` : `single:${[from, to].sort().join('|')}`,
    staffUserids: staff,
    externalUserids: people.filter((id) => !STAFF.includes(id)),
    msgtime: when,
    day: chinaDayOf(when.getTime()),
    content: 'hi',
  });
}
// D1: lina answers wm-a after 5 min 30 s and wm-b after 1 h; wm-c gets no answer; lina starts a chat with wm-d.
say(at(D1, '09:00:00'), 'wm-a', 'lina');
say(at(D1, '09:02:00'), 'wm-a', 'lina');
say(at(D1, '09:05:30'), 'lina', 'wm-a');
say(at(D1, '09:06:00'), 'lina', 'wm-a');
say(at(D1, '09:07:00'), 'lina', 'wm-a', { action: 'recall' });
say(at(D1, '10:00:00'), 'wm-b', 'lina');
say(at(D1, '11:00:00'), 'lina', 'wm-b');
say(at(D1, '12:00:00'), 'wm-c', 'lina');
say(at(D1, '13:00:00'), 'lina', 'wm-d');
say(at(D1, '13:01:00'), 'wm-d', 'lina');
say(at(D1, '14:00:00'), 'lina', 'wangwei');
// wangwei: asked at 23:50 on D1, answered after midnight: not replied within D1; on D2 he starts that chat.
say(at(D1, '23:50:00'), 'wm-e', 'wangwei');
say(at(D2, '00:10:00'), 'wangwei', 'wm-e');
say(at(D2, '08:00:00'), 'wm-f', 'wangwei');
say(at(D2, '08:00:42'), 'wangwei', 'wm-f');
say(at(D2, '09:00:00'), 'wm-a', 'lina');
say(at(D2, '09:20:00'), 'lina', 'wm-a');
// Groups: r1 (lina's, old), r2 (lina's, created on D1), r3 (wangwei's, dismissed on D2).
for (const day of [D1, D2]) {
  say(at(day, '10:00:00'), 'lina', '', { room: 'r1' });
  say(at(day, '10:01:00'), 'wm-a', '', { room: 'r1' });
  say(at(day, '10:02:00'), 'wm-a', '', { room: 'r1' });
  say(at(day, '10:03:00'), 'wm-b', '', { room: 'r1', action: 'recall' });
}
say(at(D1, '16:00:00'), 'wm-g', '', { room: 'r2' });
say(at(D1, '17:00:00'), 'wangwei', '', { room: 'r3' });
say(at(D1, '17:01:00'), 'wm-a', '', { room: 'r3' });

const longAgo = new Date('2026-01-01T00:00:00+08:00');
const groups = [
  {
    chatId: 'r1',
    ownerUserid: 'lina',
    createdAt: longAgo,
    members: [
      { userid: 'lina', type: 1, joinedAt: longAgo },
      { userid: 'wm-a', type: 2, joinedAt: longAgo },
      { userid: 'wm-b', type: 2, joinedAt: at(D1, '08:00:00') },
      { userid: 'wm-h', type: 2, joinedAt: at(D2, '20:00:00') },
    ],
  },
  {
    chatId: 'r2',
    ownerUserid: 'lina',
    createdAt: at(D1, '15:00:00'),
    members: [
      { userid: 'lina', type: 1, joinedAt: at(D1, '15:00:00') },
      { userid: 'wm-g', type: 2, joinedAt: at(D1, '15:30:00') },
    ],
  },
  {
    chatId: 'r3',
    ownerUserid: 'wangwei',
    createdAt: longAgo,
    dismissedAt: at(D2, '12:00:00'),
    members: [
      { userid: 'wangwei', type: 1, joinedAt: longAgo },
      { userid: 'wm-a', type: 2, joinedAt: longAgo },
    ],
  },
];

// ------------------------------------------------------------------------------------------------------------
// The figures as the manual defines them, computed here from the raw rows by sorting each chat (the rollup
// itself never sorts: it keeps first messages while streaming).

function expectedStaff(day: string) {
  type Figures = StaffDayFigures & { sources: Record<CustomerSource, number> };
  const byMember = new Map<string, Figures>();
  const of = (userid: string): Figures => {
    const figures = byMember.get(userid) ?? {
      newApply: 0,
      newContact: 0,
      deletedByStaff: 0,
      deletedByCustomer: 0,
      chatCnt: 0,
      messageCnt: 0,
      reply: { numerator: 0, denominator: 0 },
      firstReply: { totalSeconds: 0, count: 0 },
      sources: { qrcode: 0, card: 0, other: 0 },
    };
    byMember.set(userid, figures);
    return figures;
  };
  for (const row of events.filter((candidate) => chinaDayOf(candidate.at.getTime()) === day)) {
    if (row.kind === 'edited') continue;
    const figures = of(row.userid);
    if (row.kind === 'added') {
      figures.newContact += 1;
      figures.sources[row.addWay === 1 ? 'qrcode' : row.addWay === 3 ? 'card' : 'other'] += 1;
    }
    if (row.kind === 'half_added') figures.newApply += 1;
    if (row.kind === 'deleted_by_staff') figures.deletedByStaff += 1;
    if (row.kind === 'deleted_by_customer') figures.deletedByCustomer += 1;
  }
  const chats = new Map<string, Message[]>();
  for (const message of messages)
    if (message.day === day && message.action === 'send' && message.chatKind === 'external')
      chats.set(message.conversationId, [...(chats.get(message.conversationId) ?? []), message]);
  for (const chat of chats.values()) {
    chat.sort((a, b) => a.msgtime.getTime() - b.msgtime.getTime() || a.seq - b.seq);
    const member = chat[0].staffUserids[0];
    const figures = of(member);
    const sent = chat.filter((message) => message.from === member);
    if (sent.length > 0) figures.chatCnt += 1;
    figures.messageCnt += sent.length;
    if (chat[0].from === member) continue;
    figures.reply.denominator += 1;
    if (sent.length === 0) continue;
    figures.reply.numerator += 1;
    figures.firstReply.totalSeconds += (sent[0].msgtime.getTime() - chat[0].msgtime.getTime()) / 1000;
    figures.firstReply.count += 1;
  }
  return Object.fromEntries(byMember);
}

function expectedOwners(day: string): Record<string, OwnerDayGroupFigures> {
  const start = at(day, '00:00:00').getTime();
  const end = start + 86_400_000;
  const byOwner: Record<string, OwnerDayGroupFigures> = {};
  const senders: Record<string, Set<string>> = {};
  for (const group of groups) {
    const dismissed = group.dismissedAt?.getTime() ?? Infinity;
    if (group.createdAt.getTime() >= end || dismissed < start) continue;
    const figures = (byOwner[group.ownerUserid] ??= {
      chatTotal: 0,
      newChat: 0,
      chatHasMsg: 0,
      memberTotal: 0,
      newMember: 0,
      memberHasMsg: 0,
      msgTotal: 0,
    });
    const atEnd = dismissed >= end;
    if (atEnd) figures.chatTotal += 1;
    if (group.createdAt.getTime() >= start) figures.newChat += 1;
    for (const member of group.members) {
      const joined = member.joinedAt.getTime();
      if (atEnd && joined < end) figures.memberTotal += 1;
      if (joined >= start && joined < end) figures.newMember += 1;
    }
    const said = messages.filter((m) => m.day === day && m.roomid === group.chatId && m.action === 'send');
    if (said.length > 0) figures.chatHasMsg += 1;
    figures.msgTotal += said.length;
    for (const message of said) (senders[group.ownerUserid] ??= new Set()).add(message.from);
  }
  for (const [owner, set] of Object.entries(senders)) byOwner[owner].memberHasMsg = set.size;
  // Owners with nothing get no row (wangwei on D2: his only group was dismissed before the day's end).
  return Object.fromEntries(
    Object.entries(byOwner).filter(([, figures]) => Object.values(figures).some((value) => value > 0)),
  );
}

// ------------------------------------------------------------------------------------------------------------

/**
 * W-16, I-88: the daily rollups as workflows, against the real stack and the simulator's statistics endpoints,
 * which count what happened in the simulated corp (nothing, here): WeCom's zeros are stored beside ours, and the
 * read model shows WeCom's counts where it answered (issue 17) and ours for the rest.
 */
describe('统计分析 daily rollups', () => {
  let app: TestApp;
  let admin: request.Agent;

  const staffRows = async (day: string) =>
    (await StaffDayStatModel.find({ tenantId: TENANT, day }).lean()).sort((a, b) =>
      a.userid.localeCompare(b.userid),
    );
  const ownerRows = async (day: string) =>
    (await OwnerDayGroupStatModel.find({ tenantId: TENANT, day }).lean()).sort((a, b) =>
      a.owner.localeCompare(b.owner),
    );
  const indexed = async (alias: string, id: string) => {
    const found = await app.listSearch.es.get({ index: alias, id }, { ignore: [404] });
    return found.found ? found._source : null;
  };
  const staffAlias = () => listAlias(app, staffDayStatReadModel.kind);
  const ownerAlias = () => listAlias(app, ownerDayGroupStatReadModel.kind);

  async function backfill(from: string, to: string): Promise<AnalyticsBackfillStatus> {
    await admin.post('/api/analytics/rollups/backfill').send({ from, to }).expect(202);
    return eventually(async () => {
      const status = (await admin.get('/api/analytics/rollups/backfill').expect(200))
        .body as AnalyticsBackfillStatus;
      return status.running ? undefined : status;
    }, 60_000);
  }

  /** Every stored figure equals the one computed above, and the read model has each row as stored. */
  async function expectDay(day: string) {
    const staff = await staffRows(day);
    expect(Object.fromEntries(staff.map((row) => [row.userid, row.ours]))).toEqual(expectedStaff(day));
    const owners = await ownerRows(day);
    expect(Object.fromEntries(owners.map((row) => [row.owner, row.ours]))).toEqual(expectedOwners(day));
    await refreshListSearch(app);
    for (const row of staff) {
      expect(row._id).toBe(`${TENANT}|${day}|${row.userid}`);
      expect(await indexed(staffAlias(), row._id)).toEqual(staffDayStatDocument(row));
    }
    for (const row of owners)
      expect(await indexed(ownerAlias(), row._id)).toEqual(ownerDayGroupStatDocument(row));
    return { staff, owners };
  }

  beforeAll(async () => {
    app = await startTestApp('analytics-rollups');
    const corp = await simulator.createCorp('统计分析企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    // The members exist (active) in the simulated WeCom too, which answers its statistics for them: zeros, as
    // none of these rows happened there.
    for (const [i, userid] of STAFF.entries())
      await simulator.addUser(corp.corpId, {
        userid,
        name: userid,
        mobile: `1391111009${i}`,
        department: [1],
      });
    for (const [i, userid] of STAFF.entries())
      await StaffModel.create({
        tenantId: TENANT,
        roleId: roles.staff,
        userid,
        name: `员工${i + 1}`,
        mobile: `1370000009${i + 2}`,
        departmentIds: [1],
      });
    await recordCustomerEvents(TENANT, events);
    await ChatMessageModel.insertMany(messages);
    await CustomerGroupModel.insertMany(groups.map((group) => ({ ...group, tenantId: TENANT })));
    await app.startWorker();
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('every customer event carries its China day, by which the rollup reads it', async () => {
    const stored = await CustomerEventModel.find({ tenantId: TENANT }, { at: 1, day: 1 }).lean();
    expect(stored).toHaveLength(events.length);
    for (const row of stored) expect(row.day).toBe(chinaDayOf(row.at.getTime()));
  });

  it('补算 of two days stores every figure as computed from the raw rows, in MongoDB and Elasticsearch', async () => {
    const status = await backfill(D1, D2);
    expect(status).toEqual({
      running: false,
      from: D1,
      to: D2,
      daysDone: 2,
      daysTotal: 2,
      lastDay: D2,
      failure: null,
    });
    const first = await expectDay(D1);
    await expectDay(D2);
    // Spot checks of the definitions, so that a shared misreading of them shows too.
    const lina = first.staff.find((row) => row.userid === 'lina')?.ours;
    expect(lina?.reply).toEqual({ numerator: 2, denominator: 3 });
    expect(lina?.firstReply).toEqual({ totalSeconds: 330 + 3600, count: 2 });
    expect(lina?.chatCnt).toBe(3);
    expect(lina?.messageCnt).toBe(4);
    expect(first.staff.find((row) => row.userid === 'wangwei')?.ours?.reply).toEqual({
      numerator: 0,
      denominator: 1,
    });
    expect(first.owners.find((row) => row.owner === 'lina')?.ours).toEqual({
      chatTotal: 2,
      newChat: 1,
      chatHasMsg: 2,
      memberTotal: 5,
      newMember: 3,
      memberHasMsg: 3,
      msgTotal: 4,
    });
    // WeCom answered every member, with the zeros of a corp where none of this happened.
    for (const row of first.staff)
      expect(row.wecom).toMatchObject({
        newApply: 0,
        newContact: 0,
        chatCnt: 0,
        messageCnt: 0,
        negativeFeedback: 0,
      });
    const shownLina = await indexed(staffAlias(), `${TENANT}|${D1}|lina`);
    expect(shownLina).toMatchObject({ hasWecom: true, newContact: 0, replyNumerator: 2, sourceQrcode: 2 });
    const audit = await AuditLogModel.find({ tenantId: TENANT, action: 'analytics.backfill' }).lean();
    expect(audit).toHaveLength(1);
  });

  it('the nightly run of yesterday replaces its rows exactly: nothing doubles', async () => {
    const before = await staffRows(D2);
    const result = await executeWorkflow(app.temporal.workflow, 'analyticsDailyRollupWorkflow', {
      workflowId: `analytics-rollup/${TENANT}/test`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    expect(result.day).toBe(D2);
    expect(result.wecom).toBe('pulled');
    const after = await expectDay(D2);
    expect(after.staff.map((row) => [row._id, row.ours])).toEqual(before.map((row) => [row._id, row.ours]));
    expect(after.staff[0].rolledUpAt.getTime()).toBeGreaterThan(before[0].rolledUpAt.getTime());
  });

  it('a re-run deletes the row of a member whose figures became all zero', async () => {
    const zhaolei = `${TENANT}|${D1}|zhaolei`;
    expect(await indexed(staffAlias(), zhaolei)).not.toBeNull();
    // The add is gone (as if it had been recorded on the wrong day): zhaolei has nothing left on D1.
    await CustomerEventModel.deleteMany({ tenantId: TENANT, userid: 'zhaolei', day: D1 });
    events.splice(
      events.findIndex((row) => row.userid === 'zhaolei' && chinaDayOf(row.at.getTime()) === D1),
      1,
    );
    expect((await backfill(D1, D1)).failure).toBeNull();
    const { staff } = await expectDay(D1);
    expect(staff.map((row) => row.userid)).not.toContain('zhaolei');
    expect(await indexed(staffAlias(), zhaolei)).toBeNull();
  });

  it('answers a 补算 no worker has taken up yet within seconds, as running with nothing done', async () => {
    await app.stopWorker();
    try {
      await admin.post('/api/analytics/rollups/backfill').send({ from: D1, to: D1 }).expect(202);
      // Temporal holds a query until a worker takes it; the api stops waiting after its 3 s, not this 20 s.
      const status = (
        await admin.get('/api/analytics/rollups/backfill').timeout({ response: 20_000 }).expect(200)
      ).body;
      expect(status).toMatchObject({ running: true, daysDone: 0, failure: null });
    } finally {
      await app.startWorker();
    }
    await eventually(async () => {
      const status = (await admin.get('/api/analytics/rollups/backfill').expect(200))
        .body as AnalyticsBackfillStatus;
      return status.running ? undefined : status;
    }, 60_000);
  });

  it('refuses a 补算 of today or later, and a range over 366 days, in Chinese', async () => {
    const today = await admin
      .post('/api/analytics/rollups/backfill')
      .send({ from: D1, to: TODAY })
      .expect(400);
    expect(today.body.error.message).toBe('只能补算今天之前的日期');
    const long = await admin
      .post('/api/analytics/rollups/backfill')
      .send({ from: addDays(D1, -400), to: D1 })
      .expect(400);
    expect(JSON.stringify(long.body)).toContain('时间范围最多366天');
  });
});

// Slow (65 s): it seeds two weeks of dated activity and rolls every day of it up.
/**
 * 统计分析 end to end (issue 17's "Done when"): two weeks of dated activity in a simulated corp (adds by source,
 * customers' requests half of them accepted, deletions both ways, single chats with known reply times, some
 * unanswered, one answered after midnight, customer groups created and joined with their messages) reach the
 * product as they do in production — 客户联系 callbacks and the chat archive ingest, with a worker running —
 * then a 补算 of those days through the API, and every card, trend point and table row of 客户分析 and 员工分析
 * equals the figure computed here from the test's own records of what it did (PRODUCT.md R-6.1.1-02,
 * R-6.1.2-02, R-6.1.3-02; ratios as Σ numerators ÷ Σ denominators).
 *
 * Where the pages show WeCom's count (the simulator's, computed from its own history), the expected figure is
 * the same count, so the product's archive, the simulator and this test all agree. Groups are counted with
 * their current owner and members (README), so no group changes owner or loses a member here, and none is
 * dismissed (the simulator, like WeCom's statistic by owner, leaves a group dismissed during a day out of that
 * day's message figures, while our rollup still counts its messages of that day). Owners and customers write in
 * several groups a day, so 发过消息的群成员数 is checked as each group's senders summed.
 */
import request from 'supertest';
import { ArchiveCursorModel } from '../../lib/models/archive-cursor.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { CustomerEventModel } from '../../lib/models/customer-event.model';
import { CustomerGroupModel } from '../../lib/models/customer-group.model';
import { OwnerDayGroupStatModel } from '../../lib/models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { StaffModel } from '../../lib/models/staff.model';
import type { AnalyticsBackfillStatus } from '../../lib/contracts/analytics.contract';
import { ensureArchiveIngestSchedule } from '../../lib/temporal/archive-ingest-schedule';
import { archiveIngestScheduleId } from '../../lib/temporal/workflow-ids';
import { chinaDayOf, daysFromTo } from '../../workflows/china-day';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { rotateArchiveKey } from '../support/archive-fixture';
import { refreshListSearch } from '../support/list-search';
import {
  atMinute,
  chatRecorder,
  chinaDay,
  DAY,
  seededRandom,
  type MessageRecord,
} from '../support/seeded-activity';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';

const TENANT = freshTenantId('analytics-pipeline');
const ADMIN_MOBILE = '13700000971';
const DAYS = 14;
const STAFF = [
  { userid: 'pl_li', name: '管道员工甲' },
  { userid: 'pl_wang', name: '管道员工乙' },
  { userid: 'pl_zhao', name: '管道员工丙' },
];
const USERIDS = STAFF.map((member) => member.userid);
/** add_way → 客户来源: 1 扫描二维码, 3 名片分享, anything else 其他. */
const ADD_WAYS = [1, 3, 0, 1] as const;
const sourceOf = (addWay: number) => (addWay === 1 ? 'qrcode' : addWay === 3 ? 'card' : 'other');

/** What the test did, as it did it: the only input of the expected figures. */
interface RelationRecord {
  kind: 'requested' | 'added' | 'deleted_by_customer' | 'deleted_by_member';
  userid: string;
  at: number;
  addWay?: number;
}
interface GroupRecord {
  chatId: string;
  owner: string;
  createdAt: number;
  /** Everyone in it (the owner too) with their join time. */
  members: Array<{ userid: string; at: number }>;
}

describe('统计分析 from simulator activity to the pages', () => {
  let app: TestApp;
  let corp: SimCorp;
  let admin: request.Agent;
  let firstDay: number;
  let days: string[];
  const relations: RelationRecord[] = [];
  const groups: GroupRecord[] = [];

  const random = seededRandom(20_261_206);
  const { rand, between, pickSome } = random;
  const { messages, say, conversation, lastSeq } = chatRecorder(() => corp.corpId, random);

  async function seed() {
    const friends = new Map<string, string[]>(USERIDS.map((userid) => [userid, []]));
    /** Every customer added so far: groups take theirs from here, some customers joining several groups. */
    const everyone: string[] = [];
    const live: GroupRecord[] = [];
    let named = 0;
    const addCustomer = async (userid: string, at: number, addWay: number, half = false) => {
      const { customer } = await customerScenario.addCustomer(corp.corpId, {
        userid,
        name: `管道客户${(named += 1)}`,
        add_way: addWay,
        at,
        ...(half ? { half, added_by: 'customer' as const } : {}),
      });
      return customer.external_userid;
    };

    for (let d = 0; d < DAYS; d += 1) {
      const day = firstDay + d * DAY;
      for (const userid of USERIDS) {
        const mine = friends.get(userid)!;
        for (let n = between(0, 2); n > 0; n -= 1) {
          const at = atMinute(day, between(8 * 60, 12 * 60));
          const addWay = ADD_WAYS[between(0, ADD_WAYS.length - 1)];
          const id = await addCustomer(userid, at, addWay);
          mine.push(id);
          everyone.push(id);
          relations.push({ kind: 'added', userid, at, addWay });
        }
        if (rand() < 0.35) {
          // A customer's request, accepted (now) or left pending; accepted, it is an add at the request's time.
          const at = atMinute(day, between(8 * 60, 12 * 60));
          const addWay = ADD_WAYS[between(0, ADD_WAYS.length - 1)];
          const id = await addCustomer(userid, at, addWay, true);
          relations.push({ kind: 'requested', userid, at });
          if (rand() < 0.5) {
            await customerScenario.acceptHalfAdd(corp.corpId, id, userid);
            relations.push({ kind: 'added', userid, at, addWay });
            mine.push(id);
            everyone.push(id);
          }
        }
        for (const customer of pickSome(mine, between(0, 3))) {
          await conversation(userid, customer, atMinute(day, between(13 * 60, 19 * 60)));
        }
        if (d === 5 && userid === USERIDS[0] && mine.length > 0) {
          // Written late, answered after midnight: unanswered that day, and a member-started chat the next.
          await say(mine[0], userid, atMinute(day, 23 * 60 + 30));
          await say(userid, mine[0], atMinute(day + DAY, 20));
        }
        if (mine.length > 1 && rand() < 0.3) {
          const [gone] = mine.splice(between(0, mine.length - 1), 1);
          const by = rand() < 0.5 ? ('customer' as const) : ('member' as const);
          const at = atMinute(day, between(21 * 60, 22 * 60));
          // The product has learnt the relation (its add_way) before it ends, as when the days really pass: an
          // add applied only after WeCom ended the relation cannot read its add_way any more (其他, README).
          await eventually(async () =>
            (await CustomerModel.findOne({ tenantId: TENANT, externalUserid: gone }).lean())?.follows.some(
              (follow) => follow.userid === userid,
            ),
          );
          await customerScenario.endRelation(corp.corpId, gone, userid, by, at);
          relations.push({
            kind: by === 'customer' ? 'deleted_by_customer' : 'deleted_by_member',
            userid,
            at,
          });
        }
      }

      // Customer groups of the first two members: created now and then, customers joining later, messages.
      for (const owner of USERIDS.slice(0, 2)) {
        if ((d === 1 || rand() < 0.2) && everyone.length >= 2) {
          const at = atMinute(day, between(9 * 60, 11 * 60));
          const customers = pickSome(everyone, between(1, 3));
          const { group_chat } = await customerScenario.createGroupChat(corp.corpId, {
            owner,
            members: customers.map((userid) => ({ userid, type: 2 as const })),
            at,
          });
          const group: GroupRecord = {
            chatId: group_chat.chat_id,
            owner,
            createdAt: at,
            members: [owner, ...customers].map((userid) => ({ userid, at })),
          };
          groups.push(group);
          live.push(group);
        }
      }
      for (const group of live) {
        const outside = everyone.filter((id) => !group.members.some((member) => member.userid === id));
        if (rand() < 0.25 && outside.length > 0) {
          const [newcomer] = pickSome(outside, 1);
          const at = atMinute(day, between(11 * 60 + 30, 11 * 60 + 50));
          await customerScenario.addGroupMembers(
            corp.corpId,
            group.chatId,
            [{ userid: newcomer, type: 2 }],
            at,
          );
          group.members.push({ userid: newcomer, at });
        }
        if (rand() < 0.5) {
          let t = atMinute(day, 12 * 60);
          const present = group.members.filter((member) => member.at < t).map((member) => member.userid);
          for (let n = between(1, 4); n > 0; n -= 1) {
            await say(
              present[between(0, present.length - 1)],
              group.owner,
              (t += between(1, 10) * 60),
              group.chatId,
            );
          }
        }
      }
    }
  }

  // ----------------------------------------------------------------------------------------------------------
  // The figures by the manual's definitions, from the records above only.

  const dayStart = (day: string) => firstDay + days.indexOf(day) * DAY;
  const onDay = (day: string) => {
    const start = dayStart(day);
    return (at: number) => at >= start && at < start + DAY;
  };

  /** One member's day: the four growth counts, sources, and the single-chat figures. */
  function memberDay(userid: string, day: string) {
    const inDay = onDay(day);
    const mine = relations.filter((r) => r.userid === userid && inDay(r.at));
    const count = (kind: RelationRecord['kind']) => mine.filter((r) => r.kind === kind).length;
    const added = mine.filter((r) => r.kind === 'added');
    const chats = new Map<string, MessageRecord[]>();
    for (const message of messages) {
      if (message.roomid || !inDay(message.at) || (message.from !== userid && message.to !== userid))
        continue;
      const customer = message.from === userid ? message.to : message.from;
      chats.set(customer, [...(chats.get(customer) ?? []), message]);
    }
    const figures = {
      newApply: count('requested'),
      newContact: added.length,
      deletedByStaff: count('deleted_by_member'),
      deletedByCustomer: count('deleted_by_customer'),
      qrcode: added.filter((r) => sourceOf(r.addWay!) === 'qrcode').length,
      card: added.filter((r) => sourceOf(r.addWay!) === 'card').length,
      other: added.filter((r) => sourceOf(r.addWay!) === 'other').length,
      chatCnt: 0,
      messageCnt: 0,
      replyNumerator: 0,
      replyDenominator: 0,
      firstReplySeconds: 0,
      firstReplyCount: 0,
    };
    for (const list of chats.values()) {
      const ordered = [...list].sort((a, b) => a.at - b.at);
      const own = ordered.filter((m) => m.from === userid);
      figures.messageCnt += own.length;
      if (own.length > 0) figures.chatCnt += 1;
      if (ordered[0].from === userid) continue;
      figures.replyDenominator += 1;
      if (own.length === 0) continue;
      figures.replyNumerator += 1;
      figures.firstReplySeconds += own[0].at - ordered[0].at;
      figures.firstReplyCount += 1;
    }
    return figures;
  }
  type MemberFigures = ReturnType<typeof memberDay>;
  const memberSum = (userids: readonly string[], range: readonly string[]) => {
    const total = memberDay('nobody', range[0]);
    for (const userid of userids)
      for (const day of range)
        for (const [field, value] of Object.entries(memberDay(userid, day)))
          total[field as keyof MemberFigures] += value;
    return total;
  };

  /** One owner's groups on a day: totals at the day's end, the rest within it. */
  function ownerDay(owner: string, day: string) {
    const inDay = onDay(day);
    const end = dayStart(day) + DAY;
    const figures = {
      chatTotal: 0,
      newChat: 0,
      chatHasMsg: 0,
      memberTotal: 0,
      newMember: 0,
      memberHasMsg: 0,
      msgTotal: 0,
    };
    for (const group of groups.filter((g) => g.owner === owner && g.createdAt < end)) {
      figures.chatTotal += 1;
      if (inDay(group.createdAt)) figures.newChat += 1;
      figures.memberTotal += group.members.filter((member) => member.at < end).length;
      figures.newMember += group.members.filter((member) => inDay(member.at)).length;
      const said = messages.filter((m) => m.roomid === group.chatId && inDay(m.at));
      figures.msgTotal += said.length;
      if (said.length > 0) figures.chatHasMsg += 1;
      figures.memberHasMsg += new Set(said.map((m) => m.from)).size;
    }
    return figures;
  }
  type OwnerFigures = ReturnType<typeof ownerDay>;
  const ownerSum = (owners: readonly string[], range: readonly string[]) => {
    const total = ownerDay('nobody', range[0]);
    for (const owner of owners)
      for (const day of range)
        for (const [field, value] of Object.entries(ownerDay(owner, day)))
          total[field as keyof OwnerFigures] += value;
    return total;
  };
  /** A day of 群聊趋势 / 群聊明细: all but 群聊消息总数. */
  const groupDay = (owners: readonly string[], day: string) => {
    const figures: Partial<OwnerFigures> = ownerSum(owners, [day]);
    delete figures.msgTotal;
    return figures;
  };

  // ----------------------------------------------------------------------------------------------------------

  beforeAll(async () => {
    app = await startTestApp('analytics-pipeline');
    corp = await simulator.createCorp('统计管道企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    for (const [i, member] of STAFF.entries()) {
      await simulator.addUser(corp.corpId, { ...member, mobile: `1372000000${i}`, department: [1] });
      await StaffModel.create({
        tenantId: TENANT,
        roleId: roles.staff,
        ...member,
        mobile: `1372000000${i}`,
        departmentIds: [1],
      });
    }
    await rotateArchiveKey([TENANT], corp.corpId);
    await app.startWorker();

    // Count back from the simulator's today: WeCom has figures up to yesterday.
    const today = chinaDay(Math.floor(Date.parse((await simulator.clock()).now) / 1000));
    expect(chinaDayOf(today * 1000)).toBe(chinaDayOf(Date.now()));
    firstDay = today - DAYS * DAY;
    days = daysFromTo(chinaDayOf(firstDay * 1000), chinaDayOf((today - DAY) * 1000));
    await seed();

    // The product learns it as in production: callbacks applied by the worker, the archive by its Schedule.
    const expectedEvents = relations.length;
    await eventually(async () => {
      const stored = await CustomerEventModel.find({ tenantId: TENANT }, { kind: 1 }).lean();
      const counted = stored.filter((row) => row.kind !== 'edited').length;
      if (counted !== expectedEvents) throw new Error(`${counted} of ${expectedEvents} customer events`);
      const stored_groups = await CustomerGroupModel.find({ tenantId: TENANT }).lean();
      const members = stored_groups.reduce((total, group) => total + group.members.length, 0);
      const expectedMembers = groups.reduce((total, group) => total + group.members.length, 0);
      return stored_groups.length === groups.length && members === expectedMembers;
    }, 120_000);
    await ensureArchiveIngestSchedule(app.temporal, app.config.temporalTaskQueue, TENANT);
    // Its first run now rather than at the next minute (the same action a tick starts).
    await app.temporal.schedule.getHandle(archiveIngestScheduleId(TENANT)).trigger();
    await eventually(
      async () => (await ArchiveCursorModel.findOne({ tenantId: TENANT }).lean())?.seq === lastSeq(),
      150_000,
    );

    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
  }, 420_000);

  afterAll(async () => {
    await app?.temporal.schedule
      .getHandle(archiveIngestScheduleId(TENANT))
      .delete()
      .catch(() => undefined);
    await app?.stop();
  });

  const range = () => ({ from: days[0], to: days[days.length - 1] });
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...range(), ...extra }).toString();

  it('the seed holds every kind of figure, so the equalities below mean something', () => {
    const all = memberSum(USERIDS, days);
    for (const value of Object.values(all)) expect(value).toBeGreaterThan(0);
    expect(all.replyNumerator).toBeLessThan(all.replyDenominator);
    const owned = ownerSum(USERIDS, days);
    for (const value of Object.values(owned)) expect(value).toBeGreaterThan(0);
    // Someone wrote in two groups of one owner on one day: 发过消息的群成员数 counts them in each.
    const writersTwice = USERIDS.some((owner) =>
      days.some((day) => {
        const writers = groups
          .filter((group) => group.owner === owner)
          .map(
            (group) =>
              new Set(
                messages.filter((m) => m.roomid === group.chatId && onDay(day)(m.at)).map((m) => m.from),
              ),
          );
        return (
          writers.reduce((total, set) => total + set.size, 0) >
          new Set(writers.flatMap((set) => [...set])).size
        );
      }),
    );
    expect(writersTwice).toBe(true);
  });

  it('补算 of the two weeks through the API runs to its end', async () => {
    await admin.post('/api/analytics/rollups/backfill').send(range()).expect(202);
    const status = await eventually(async () => {
      const body = (await admin.get('/api/analytics/rollups/backfill').expect(200))
        .body as AnalyticsBackfillStatus;
      return body.running ? undefined : body;
    }, 240_000);
    expect(status).toMatchObject({ running: false, daysDone: DAYS, daysTotal: DAYS, failure: null });
    // WeCom (the simulator) answered every day, and its counts equal ours from the callbacks and the archive:
    // so the pages below, which show WeCom's counts where it answered, check both sides.
    const staffRows = await StaffDayStatModel.find({ tenantId: TENANT }).lean();
    const ownerRows = await OwnerDayGroupStatModel.find({ tenantId: TENANT }).lean();
    expect(staffRows.length).toBeGreaterThan(DAYS);
    expect(ownerRows.length).toBeGreaterThan(DAYS);
    for (const row of staffRows) {
      const ours = row.ours!;
      expect([row._id, row.wecom]).toEqual([
        row._id,
        expect.objectContaining({
          newApply: ours.newApply,
          newContact: ours.newContact,
          chatCnt: ours.chatCnt,
          messageCnt: ours.messageCnt,
          negativeFeedback: ours.deletedByCustomer,
        }),
      ]);
    }
    for (const row of ownerRows) expect([row._id, row.wecom]).toEqual([row._id, row.ours]);
    // The last days' rows reach searches within Elasticsearch's 1 s refresh: the pages below read them now.
    await refreshListSearch(app);
  }, 250_000);

  for (const scope of ['all', 'one'] as const) {
    const staffParam = (): Record<string, string> => (scope === 'one' ? { staff: USERIDS[0] } : {});
    const chosen = () => (scope === 'one' ? [USERIDS[0]] : USERIDS);

    describe(scope === 'all' ? 'the whole company' : 'one member (按员工查询)', () => {
      it('客户概览: the four cards, every day of 增长趋势, 客户来源分布', async () => {
        const body = (await admin.get(`/api/analytics/customers/overview?${query(staffParam())}`).expect(200))
          .body;
        const total = memberSum(chosen(), days);
        expect(body.cards).toEqual({
          newApply: total.newApply,
          newContact: total.newContact,
          deletedByStaff: total.deletedByStaff,
          deletedByCustomer: total.deletedByCustomer,
        });
        expect(body.trend).toEqual(
          days.map((day) => {
            const figures = memberSum(chosen(), [day]);
            return {
              day,
              newApply: figures.newApply,
              newContact: figures.newContact,
              deletedByStaff: figures.deletedByStaff,
              deletedByCustomer: figures.deletedByCustomer,
            };
          }),
        );
        expect(body.sources).toEqual([
          { source: 'qrcode', count: total.qrcode },
          { source: 'card', count: total.card },
          { source: 'other', count: total.other },
        ]);
        // No tags were ever set on these customers.
        expect(body.tags).toEqual([]);
      });

      it('客户聊天分析: cards and every day of the trend, ratios as Σ ÷ Σ', async () => {
        const body = (await admin.get(`/api/analytics/customers/chats?${query(staffParam())}`).expect(200))
          .body;
        const shape = (figures: MemberFigures) => ({
          chatCnt: figures.chatCnt,
          messageCnt: figures.messageCnt,
          reply: { numerator: figures.replyNumerator, denominator: figures.replyDenominator },
          firstReply: { totalSeconds: figures.firstReplySeconds, count: figures.firstReplyCount },
        });
        expect(body.cards).toEqual(shape(memberSum(chosen(), days)));
        expect(body.trend).toEqual(days.map((day) => ({ day, ...shape(memberSum(chosen(), [day])) })));
      });

      it('客户群聊分析: cards (totals of the last day, the rest summed), 群聊趋势, 群聊明细 every day', async () => {
        const body = (await admin.get(`/api/analytics/customers/groups?${query(staffParam())}`).expect(200))
          .body;
        const summed = ownerSum(chosen(), days);
        const last = ownerSum(chosen(), [days[days.length - 1]]);
        expect(body.cards).toEqual({
          chatTotal: last.chatTotal,
          newChat: summed.newChat,
          chatHasMsg: summed.chatHasMsg,
          memberTotal: last.memberTotal,
          newMember: summed.newMember,
          memberHasMsg: summed.memberHasMsg,
        });
        expect(body.trend).toEqual(days.map((day) => ({ day, ...groupDay(chosen(), day) })));
        const table = (
          await admin
            .get(
              `/api/analytics/customers/group-days?${query({ ...staffParam(), page: '1', pageSize: '50' })}`,
            )
            .expect(200)
        ).body;
        expect(table).toMatchObject({ total: DAYS, page: 1 });
        const scopeLabel = scope === 'one' ? STAFF[0].name : '全公司';
        expect(table.items).toEqual(
          [...days].reverse().map((day) => ({ day, scopeLabel, ...groupDay(chosen(), day) })),
        );
      });

      it('员工分析: 客户沟通 and 客户群沟通 rows equal each member’s sums', async () => {
        const contacts = (await admin.get(`/api/analytics/staff/contacts?${query(staffParam())}`).expect(200))
          .body;
        const contactRow = (userid: string) => {
          const total = memberSum([userid], days);
          return {
            userid,
            name: STAFF.find((member) => member.userid === userid)!.name,
            newApply: total.newApply,
            newContact: total.newContact,
            chatCnt: total.chatCnt,
            messageCnt: total.messageCnt,
            reply: { numerator: total.replyNumerator, denominator: total.replyDenominator },
            firstReply: { totalSeconds: total.firstReplySeconds, count: total.firstReplyCount },
            deletedByCustomer: total.deletedByCustomer,
          };
        };
        const byId = (rows: Array<{ userid: string }>) =>
          [...rows].sort((a, b) => a.userid.localeCompare(b.userid));
        expect(byId(contacts.items)).toEqual(chosen().map(contactRow));

        const owners = chosen().filter((userid) => groups.some((group) => group.owner === userid));
        const groupRows = (await admin.get(`/api/analytics/staff/groups?${query(staffParam())}`).expect(200))
          .body;
        expect(byId(groupRows.items)).toEqual(
          owners.map((owner) => {
            const summed = ownerSum([owner], days);
            const last = ownerSum([owner], [days[days.length - 1]]);
            return {
              userid: owner,
              name: STAFF.find((member) => member.userid === owner)!.name,
              ...summed,
              chatTotal: last.chatTotal,
              memberTotal: last.memberTotal,
            };
          }),
        );
      });
    });
  }
});

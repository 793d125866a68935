import request from 'supertest';
import { formatMeanDuration, formatRatio } from '../../lib/contracts/analytics-format';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { OwnerDayGroupStatModel } from '../../lib/models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { StaffModel } from '../../lib/models/staff.model';
import { writeListRows } from '../../lib/search/list-read-model';
import { ownerDayGroupStatReadModel } from '../../lib/search/owner-day-group-stat-index';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { startTestApp, type TestApp } from '../support/app-harness';
import { indexSeededCustomers } from '../support/customer-search';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { downloadedSheet } from '../support/xlsx-download';

const TENANT = freshTenantId('analytics');
const ADMIN_MOBILE = '13700000901';
const STAFF_PASSWORD = 'Staff1234';
type Agent = ReturnType<typeof request.agent>;

// 销售部 (2): 销售甲, 销售乙; 售后部 (3): 售后丙, whose 本部门 role sees only 售后部.
const STAFF = [
  { userid: 'sales-a', name: '销售甲', mobile: '13700000911', departmentIds: [2] },
  { userid: 'sales-b', name: '销售乙', mobile: '13700000912', departmentIds: [2] },
  { userid: 'service-c', name: '售后丙', mobile: '13700000913', departmentIds: [3] },
];
const USERIDS = STAFF.map((member) => member.userid);
const nameOf = (userid: string) => STAFF.find((member) => member.userid === userid)!.name;

/** The seeded days, and the range asked for: two days before any row, and two seeded days left out. */
const SEEDED_DAYS = Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
const RANGE = { from: '2026-10-30', to: '2026-11-08' };
const RANGE_DAYS = ['2026-10-30', '2026-10-31', ...SEEDED_DAYS.slice(0, 8)];
const inRange = (day: string) => day >= RANGE.from && day <= RANGE.to;

/** Deterministic figures: small numbers that differ per member, day and field. */
const figure = (seed: number, modulo: number) => ((seed * 7919 + 13) % modulo) + 0;

interface SeededStaffDay {
  _id: string;
  tenantId: string;
  day: string;
  userid: string;
  ours: {
    newApply: number;
    newContact: number;
    deletedByStaff: number;
    deletedByCustomer: number;
    chatCnt: number;
    messageCnt: number;
    reply: { numerator: number; denominator: number };
    firstReply: { totalSeconds: number; count: number };
    sources: { qrcode: number; card: number; other: number };
  };
  wecom: null | {
    newApply: number;
    newContact: number;
    chatCnt: number;
    messageCnt: number;
    negativeFeedback: number;
  };
  rolledUpAt: Date;
}

// 销售乙 has no rows before the 4th (joined then); WeCom answered on even days only.
const STAFF_DAYS: SeededStaffDay[] = SEEDED_DAYS.flatMap((day, d) =>
  USERIDS.filter((userid) => userid !== 'sales-b' || d >= 3).map((userid, u) => {
    const seed = d * 10 + u + 1;
    const denominator = figure(seed, 4);
    const numerator = Math.min(denominator, figure(seed + 1, 3));
    return {
      _id: `${TENANT}|${day}|${userid}`,
      tenantId: TENANT,
      day,
      userid,
      ours: {
        newApply: figure(seed, 5),
        newContact: figure(seed + 2, 6),
        deletedByStaff: figure(seed + 3, 2),
        deletedByCustomer: figure(seed + 4, 3),
        chatCnt: figure(seed + 5, 9),
        messageCnt: figure(seed + 6, 40),
        reply: { numerator, denominator },
        firstReply: { totalSeconds: numerator * figure(seed + 7, 3000), count: numerator },
        sources: { qrcode: figure(seed + 8, 3), card: figure(seed + 9, 2), other: figure(seed + 10, 2) },
      },
      wecom:
        d % 2 === 1
          ? {
              newApply: figure(seed + 11, 5),
              newContact: figure(seed + 12, 6),
              chatCnt: figure(seed + 13, 9),
              messageCnt: figure(seed + 14, 40),
              negativeFeedback: figure(seed + 15, 3),
            }
          : null,
      rolledUpAt: new Date('2026-11-20T00:00:00Z'),
    };
  }),
);

/** What a page shows of one member's day: WeCom's count where WeCom answered, ours otherwise (issue 17). */
function shown(row: SeededStaffDay) {
  const { ours, wecom } = row;
  return {
    newApply: wecom ? wecom.newApply : ours.newApply,
    newContact: wecom ? wecom.newContact : ours.newContact,
    deletedByStaff: ours.deletedByStaff,
    deletedByCustomer: wecom ? wecom.negativeFeedback : ours.deletedByCustomer,
    chatCnt: wecom ? wecom.chatCnt : ours.chatCnt,
    messageCnt: wecom ? wecom.messageCnt : ours.messageCnt,
    replyNumerator: ours.reply.numerator,
    replyDenominator: ours.reply.denominator,
    firstReplySeconds: ours.firstReply.totalSeconds,
    firstReplyCount: ours.firstReply.count,
    qrcode: ours.sources.qrcode,
    card: ours.sources.card,
    other: ours.sources.other,
  };
}
type Shown = ReturnType<typeof shown>;

const GROUP_FIELDS = [
  'chatTotal',
  'newChat',
  'chatHasMsg',
  'memberTotal',
  'newMember',
  'memberHasMsg',
  'msgTotal',
] as const;
type GroupFigures = Record<(typeof GROUP_FIELDS)[number], number>;
/** What a day of 群聊趋势 / 群聊明细 shows: all but 群聊消息总数. */
const GROUP_DAY_FIELDS = GROUP_FIELDS.filter((field) => field !== 'msgTotal');

// Owners: 销售甲 and 售后丙 (销售乙 owns no group); WeCom answered for 售后丙 only.
const OWNER_DAYS = SEEDED_DAYS.flatMap((day, d) =>
  ['sales-a', 'service-c'].map((owner, o) => {
    const seed = d * 10 + o + 3;
    const ours = Object.fromEntries(
      GROUP_FIELDS.map((field, f) => [field, figure(seed + f, field.endsWith('Total') ? 50 : 7)]),
    ) as GroupFigures;
    const wecom =
      owner === 'service-c'
        ? (Object.fromEntries(GROUP_FIELDS.map((field) => [field, ours[field] + 100])) as GroupFigures)
        : null;
    return {
      _id: `${TENANT}|${day}|${owner}`,
      tenantId: TENANT,
      day,
      owner,
      ours,
      wecom,
      rolledUpAt: new Date('2026-11-20T00:00:00Z'),
    };
  }),
);
const shownGroup = (row: (typeof OWNER_DAYS)[number]): GroupFigures => row.wecom ?? row.ours;

/** Σ of each field over rows. */
function sum<T extends Record<string, number>>(
  rows: T[],
  fields: ReadonlyArray<keyof T>,
): Record<keyof T, number> {
  return Object.fromEntries(
    fields.map((field) => [field, rows.reduce((total, row) => total + row[field], 0)]),
  ) as Record<keyof T, number>;
}

const staffRowsOf = (userids: readonly string[], days: (day: string) => boolean = inRange) =>
  STAFF_DAYS.filter((row) => userids.includes(row.userid) && days(row.day)).map(shown);
const ownerRowsOf = (owners: readonly string[], days: (day: string) => boolean = inRange) =>
  OWNER_DAYS.filter((row) => owners.includes(row.owner) && days(row.day)).map(shownGroup);

const SHOWN_FIELDS = [
  'newApply',
  'newContact',
  'deletedByStaff',
  'deletedByCustomer',
  'chatCnt',
  'messageCnt',
  'replyNumerator',
  'replyDenominator',
  'firstReplySeconds',
  'firstReplyCount',
  'qrcode',
  'card',
  'other',
] as const satisfies ReadonlyArray<keyof Shown>;

const rangeQuery = (extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...RANGE, ...extra }).toString();

/**
 * 统计分析 → 客户分析 and 员工分析 (R-6-*, R-6.1.*, R-6.2-*) over daily rollup rows written as the rollup
 * writes them (writeListRows), every expected figure summed here from the seeded rows.
 */
describe('统计分析: 客户分析 and 员工分析', () => {
  let app: TestApp;
  let admin: Agent;
  let serviceLead: Agent;

  beforeAll(async () => {
    app = await startTestApp('analytics');
    const corp = await simulator.createCorp('统计分析测试企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_MOBILE });
    await DepartmentModel.insertMany([
      { tenantId: TENANT, deptId: 1, name: '统计分析测试企业', parentId: 0 },
      { tenantId: TENANT, deptId: 2, name: '销售部', parentId: 1 },
      { tenantId: TENANT, deptId: 3, name: '售后部', parentId: 1 },
    ]);
    await StaffModel.insertMany(
      STAFF.map((member) => ({ tenantId: TENANT, roleId: roles.staff, ...member })),
    );
    await writeListRows(
      app.listSearch,
      staffDayStatReadModel,
      TENANT,
      STAFF_DAYS.map((row) => row._id),
      () => StaffDayStatModel.insertMany(STAFF_DAYS),
      { refresh: 'wait_for' },
    );
    await writeListRows(
      app.listSearch,
      ownerDayGroupStatReadModel,
      TENANT,
      OWNER_DAYS.map((row) => row._id),
      () => OwnerDayGroupStatModel.insertMany(OWNER_DAYS),
      { refresh: 'wait_for' },
    );

    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: 'etgroup',
      name: '客户等级',
      tags: [
        { tagId: 'et-vip', name: 'VIP', order: 2 },
        { tagId: 'et-new', name: '新客', order: 1 },
        { tagId: 'et-none', name: '无人', order: 0 },
      ],
    });
    // 客户标签分布: customers now, by who added them (a deleted relation no longer counts).
    const customers = [
      { id: 'wm-1', follows: [{ userid: 'sales-a', tags: ['et-vip', 'et-new'] }] },
      { id: 'wm-2', follows: [{ userid: 'sales-a', tags: ['et-vip'] }] },
      { id: 'wm-3', follows: [{ userid: 'service-c', tags: ['et-vip', 'et-gone'] }] },
      { id: 'wm-4', follows: [{ userid: 'service-c', tags: ['et-new'], deleted: true }] },
    ];
    for (const customer of customers) {
      const follows = customer.follows.map((follow) => ({
        userid: follow.userid,
        addedAt: new Date('2026-11-02T02:00:00Z'),
        tagIds: follow.tags,
        remarkMobiles: [],
        addWay: 1,
        ...('deleted' in follow ? { deletedAt: new Date('2026-11-03T02:00:00Z') } : {}),
      }));
      await CustomerModel.create({
        tenantId: TENANT,
        externalUserid: customer.id,
        name: customer.id,
        follows,
        ...deriveCustomerFields(follows),
      });
    }
    await indexSeededCustomers(app.customerSearch, TENANT);

    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    const role = await admin.post('/api/roles').send({
      name: '售后主管',
      functionPermissions: [
        'analytics.customers',
        'analytics.customers.export',
        'analytics.staff',
        'analytics.staff.export',
      ],
      dataScope: 'department',
    });
    expect(role.status).toBe(201);
    await admin.put('/api/org/staff/service-c/role').send({ roleId: role.body.id }).expect(204);
    await admin.put('/api/org/staff/service-c/system-access').send({ enabled: true }).expect(200);
    await admin.put('/api/org/staff/service-c/password').send({ password: STAFF_PASSWORD }).expect(204);
    serviceLead = request.agent(app.baseUrl);
    await serviceLead
      .post('/api/auth/login')
      .send({ phone: '13700000913', password: STAFF_PASSWORD })
      .expect(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('客户概览 (R-6.1.1)', () => {
    it('sums the cards over the range, every day of the trend (zeros included), and the sources', async () => {
      const body = (await admin.get(`/api/analytics/customers/overview?${rangeQuery()}`).expect(200)).body;
      const total = sum(staffRowsOf(USERIDS), SHOWN_FIELDS);
      expect(body.cards).toEqual({
        newApply: total.newApply,
        newContact: total.newContact,
        deletedByStaff: total.deletedByStaff,
        deletedByCustomer: total.deletedByCustomer,
      });
      expect(body.trend.map((point: { day: string }) => point.day)).toEqual(RANGE_DAYS);
      for (const point of body.trend) {
        const day = sum(
          staffRowsOf(USERIDS, (d) => d === point.day),
          SHOWN_FIELDS,
        );
        expect(point).toEqual({
          day: point.day,
          newApply: day.newApply,
          newContact: day.newContact,
          deletedByStaff: day.deletedByStaff,
          deletedByCustomer: day.deletedByCustomer,
        });
      }
      expect(body.trend[0]).toEqual({
        day: '2026-10-30',
        newApply: 0,
        newContact: 0,
        deletedByStaff: 0,
        deletedByCustomer: 0,
      });
      expect(body.sources).toEqual([
        { source: 'qrcode', count: total.qrcode },
        { source: 'card', count: total.card },
        { source: 'other', count: total.other },
      ]);
    });

    it('客户标签分布: customers now per existing tag, of the staff in scope or chosen', async () => {
      const all = (await admin.get(`/api/analytics/customers/overview?${rangeQuery()}`).expect(200)).body;
      expect(all.tags).toEqual([
        { tagId: 'et-vip', name: 'VIP', count: 3 },
        { tagId: 'et-new', name: '新客', count: 1 },
      ]);
      const chosen = (
        await admin.get(`/api/analytics/customers/overview?${rangeQuery({ staff: 'service-c' })}`).expect(200)
      ).body;
      expect(chosen.tags).toEqual([{ tagId: 'et-vip', name: 'VIP', count: 1 }]);
    });

    it('按员工查询 narrows every figure to the chosen staff', async () => {
      const body = (
        await admin
          .get(`/api/analytics/customers/overview?${rangeQuery({ staff: 'sales-a,sales-b' })}`)
          .expect(200)
      ).body;
      const total = sum(staffRowsOf(['sales-a', 'sales-b']), SHOWN_FIELDS);
      expect(body.cards.newContact).toBe(total.newContact);
      expect(body.sources[0].count).toBe(total.qrcode);
    });
  });

  describe('客户聊天分析 (R-6.1.2)', () => {
    it('ratios as Σ numerators over Σ denominators, per day and over the range', async () => {
      const body = (await admin.get(`/api/analytics/customers/chats?${rangeQuery()}`).expect(200)).body;
      const total = sum(staffRowsOf(USERIDS), SHOWN_FIELDS);
      expect(body.cards).toEqual({
        chatCnt: total.chatCnt,
        messageCnt: total.messageCnt,
        reply: { numerator: total.replyNumerator, denominator: total.replyDenominator },
        firstReply: { totalSeconds: total.firstReplySeconds, count: total.firstReplyCount },
      });
      expect(body.trend).toHaveLength(RANGE_DAYS.length);
      for (const point of body.trend) {
        const day = sum(
          staffRowsOf(USERIDS, (d) => d === point.day),
          SHOWN_FIELDS,
        );
        expect(point.reply).toEqual({ numerator: day.replyNumerator, denominator: day.replyDenominator });
        expect(point.firstReply).toEqual({ totalSeconds: day.firstReplySeconds, count: day.firstReplyCount });
      }
      // Days without rows have a zero denominator, which the admin prints as "-".
      expect(formatRatio(body.trend[0].reply)).toBe('-');
      expect(formatMeanDuration(body.trend[0].firstReply)).toBe('-');
    });
  });

  describe('客户群聊分析 (R-6.1.3)', () => {
    it('totals as of the last day, the other cards summed; a trend point per day', async () => {
      const body = (await admin.get(`/api/analytics/customers/groups?${rangeQuery()}`).expect(200)).body;
      const owners = ['sales-a', 'service-c'];
      const summed = sum(ownerRowsOf(owners), GROUP_FIELDS);
      const lastDay = sum(
        ownerRowsOf(owners, (day) => day === RANGE.to),
        GROUP_FIELDS,
      );
      expect(body.cards).toEqual({
        chatTotal: lastDay.chatTotal,
        newChat: summed.newChat,
        chatHasMsg: summed.chatHasMsg,
        memberTotal: lastDay.memberTotal,
        newMember: summed.newMember,
        memberHasMsg: summed.memberHasMsg,
      });
      expect(body.trend.map((point: { day: string }) => point.day)).toEqual(RANGE_DAYS);
      const third = sum(
        ownerRowsOf(owners, (day) => day === '2026-11-03'),
        GROUP_DAY_FIELDS,
      );
      expect(body.trend[4]).toEqual({ day: '2026-11-03', ...third });
    });

    it('群聊明细 / 群成员明细: days newest first, 20 a page, 员工/部门 全公司 or the chosen names', async () => {
      const first = (
        await admin
          .get(`/api/analytics/customers/group-days?${rangeQuery({ page: '1', pageSize: '3' })}`)
          .expect(200)
      ).body;
      expect(first).toMatchObject({ total: RANGE_DAYS.length, page: 1, pageSize: 3 });
      expect(first.items.map((row: { day: string }) => row.day)).toEqual([
        '2026-11-08',
        '2026-11-07',
        '2026-11-06',
      ]);
      const eighth = sum(
        ownerRowsOf(['sales-a', 'service-c'], (day) => day === '2026-11-08'),
        GROUP_DAY_FIELDS,
      );
      expect(first.items[0]).toEqual({ day: '2026-11-08', scopeLabel: '全公司', ...eighth });
      const last = (
        await admin
          .get(`/api/analytics/customers/group-days?${rangeQuery({ page: '4', pageSize: '3' })}`)
          .expect(200)
      ).body;
      expect(last.items).toEqual([
        {
          day: '2026-10-30',
          scopeLabel: '全公司',
          chatTotal: 0,
          newChat: 0,
          chatHasMsg: 0,
          memberTotal: 0,
          newMember: 0,
          memberHasMsg: 0,
        },
      ]);
      const chosen = (
        await admin
          .get(`/api/analytics/customers/group-days?${rangeQuery({ staff: 'sales-a,sales-b' })}`)
          .expect(200)
      ).body;
      expect(chosen.items[0].scopeLabel).toBe('销售甲、销售乙');
      expect(chosen.items[0].chatTotal).toBe(
        ownerRowsOf(['sales-a'], (day) => day === '2026-11-08')[0].chatTotal,
      );
    });

    it('导出 群聊明细 and 群成员明细: every day, totals matching the cards', async () => {
      const cards = (await admin.get(`/api/analytics/customers/groups?${rangeQuery()}`).expect(200)).body
        .cards;
      const chats = await downloadedSheet(
        admin.get(`/api/analytics/customers/group-chats/export?${rangeQuery()}`),
        '群聊明细',
      );
      expect(chats.header).toEqual(['日期', '员工/部门', '群聊总数', '新增群聊数', '有过消息的群聊数']);
      expect(chats.body.map((row) => row[0])).toEqual([...RANGE_DAYS].reverse());
      expect(chats.body[0][2]).toBe(cards.chatTotal);
      expect(chats.body.reduce((total, row) => total + Number(row[3]), 0)).toBe(cards.newChat);
      expect(chats.body.reduce((total, row) => total + Number(row[4]), 0)).toBe(cards.chatHasMsg);
      const members = await downloadedSheet(
        admin.get(`/api/analytics/customers/group-members/export?${rangeQuery()}`),
        '群成员明细',
      );
      expect(members.header).toEqual([
        '日期',
        '员工/部门',
        '群成员总数',
        '新增群成员数',
        '发过消息的群成员数',
      ]);
      expect(members.body[0].slice(1, 3)).toEqual(['全公司', cards.memberTotal]);
      expect(members.body.reduce((total, row) => total + Number(row[3]), 0)).toBe(cards.newMember);
      expect(members.body.reduce((total, row) => total + Number(row[4]), 0)).toBe(cards.memberHasMsg);
    });
  });

  describe('员工分析 (R-6.2)', () => {
    /** 客户沟通's expected rows, by member, from the seeded rows. */
    const contactRows = (userids: readonly string[]) =>
      userids.map((userid) => {
        const total = sum(staffRowsOf([userid]), SHOWN_FIELDS);
        return {
          userid,
          name: nameOf(userid),
          newApply: total.newApply,
          newContact: total.newContact,
          chatCnt: total.chatCnt,
          messageCnt: total.messageCnt,
          reply: { numerator: total.replyNumerator, denominator: total.replyDenominator },
          firstReply: { totalSeconds: total.firstReplySeconds, count: total.firstReplyCount },
          deletedByCustomer: total.deletedByCustomer,
        };
      });
    type ContactRow = ReturnType<typeof contactRows>[number];
    const sortValue: Record<string, (row: ContactRow) => number> = {
      newApply: (row) => row.newApply,
      newContact: (row) => row.newContact,
      chatCnt: (row) => row.chatCnt,
      messageCnt: (row) => row.messageCnt,
      deletedByCustomer: (row) => row.deletedByCustomer,
      replyRatio: (row) => (row.reply.denominator ? row.reply.numerator / row.reply.denominator : -1),
      firstReply: (row) => (row.firstReply.count ? row.firstReply.totalSeconds / row.firstReply.count : -1),
    };

    it('客户沟通: one row per member, each numeric column sorted both ways on the server', async () => {
      const expected = contactRows(USERIDS);
      for (const [sortBy, value] of Object.entries(sortValue)) {
        for (const order of ['asc', 'desc'] as const) {
          const body = (
            await admin.get(`/api/analytics/staff/contacts?${rangeQuery({ sortBy, order })}`).expect(200)
          ).body;
          const sorted = [...expected].sort(
            (a, b) =>
              (order === 'asc' ? value(a) - value(b) : value(b) - value(a)) ||
              a.userid.localeCompare(b.userid),
          );
          expect([sortBy, order, body.items]).toEqual([sortBy, order, sorted]);
          expect(body.total).toBe(3);
        }
      }
    });

    it('客户沟通 pages on the server', async () => {
      const all = (
        await admin.get(`/api/analytics/staff/contacts?${rangeQuery({ sortBy: 'messageCnt' })}`).expect(200)
      ).body.items;
      const second = (
        await admin
          .get(
            `/api/analytics/staff/contacts?${rangeQuery({ sortBy: 'messageCnt', page: '2', pageSize: '2' })}`,
          )
          .expect(200)
      ).body;
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(second.items).toEqual(all.slice(2));
    });

    it('客户群沟通: one row per 群主, totals as of the last day, every column sortable', async () => {
      const expected = ['sales-a', 'service-c'].map((owner) => {
        const summed = sum(ownerRowsOf([owner]), GROUP_FIELDS);
        const last = ownerRowsOf([owner], (day) => day === RANGE.to)[0];
        return {
          userid: owner,
          name: nameOf(owner),
          ...summed,
          chatTotal: last.chatTotal,
          memberTotal: last.memberTotal,
        };
      });
      for (const sortBy of GROUP_FIELDS) {
        for (const order of ['asc', 'desc'] as const) {
          const body = (
            await admin.get(`/api/analytics/staff/groups?${rangeQuery({ sortBy, order })}`).expect(200)
          ).body;
          const sorted = [...expected].sort(
            (a, b) =>
              (order === 'asc' ? a[sortBy] - b[sortBy] : b[sortBy] - a[sortBy]) ||
              a.userid.localeCompare(b.userid),
          );
          expect([sortBy, order, body.items]).toEqual([sortBy, order, sorted]);
          expect(body.total).toBe(2);
        }
      }
    });

    it('导出 客户沟通 and 客户群沟通 in the table’s order, ratios formatted, totals matching', async () => {
      const contacts = await downloadedSheet(
        admin.get(
          `/api/analytics/staff/contacts/export?${rangeQuery({ sortBy: 'newApply', order: 'desc' })}`,
        ),
        '客户沟通',
      );
      expect(contacts.header).toEqual([
        '成员',
        '客户申请数',
        '新增客户数',
        '聊天总数',
        '发送消息数',
        '已回复聊天占比',
        '平均首次回复时长',
        '删除/拉黑成员的客户数',
      ]);
      const rows = contactRows(USERIDS).sort(
        (a, b) => b.newApply - a.newApply || a.userid.localeCompare(b.userid),
      );
      expect(contacts.body).toEqual(
        rows.map((row) => [
          row.name,
          row.newApply,
          row.newContact,
          row.chatCnt,
          row.messageCnt,
          formatRatio(row.reply),
          formatMeanDuration(row.firstReply),
          row.deletedByCustomer,
        ]),
      );
      const cards = (await admin.get(`/api/analytics/customers/overview?${rangeQuery()}`).expect(200)).body
        .cards;
      expect(contacts.body.reduce((total, row) => total + Number(row[2]), 0)).toBe(cards.newContact);

      const groups = await downloadedSheet(
        admin.get(`/api/analytics/staff/groups/export?${rangeQuery()}`),
        '客户群沟通',
      );
      expect(groups.header).toEqual([
        '群主',
        '群总数',
        '新增群聊数',
        '有消息群聊数',
        '群成员总数',
        '新增群成员数',
        '发过消息的群成员数',
        '群聊消息总数',
      ]);
      const groupCards = (await admin.get(`/api/analytics/customers/groups?${rangeQuery()}`).expect(200)).body
        .cards;
      expect(groups.body.reduce((total, row) => total + Number(row[1]), 0)).toBe(groupCards.chatTotal);
      expect(groups.body.reduce((total, row) => total + Number(row[5]), 0)).toBe(groupCards.newMember);
      expect(groups.body.reduce((total, row) => total + Number(row[7]), 0)).toBe(
        sum(ownerRowsOf(['sales-a', 'service-c']), GROUP_FIELDS).msgTotal,
      );
    });
  });

  describe('数据权限 (R-6-02, I-104)', () => {
    it('a 本部门 role sees only its department’s staff, whatever it chooses', async () => {
      const own = sum(staffRowsOf(['service-c']), SHOWN_FIELDS);
      const overview = (
        await serviceLead.get(`/api/analytics/customers/overview?${rangeQuery()}`).expect(200)
      ).body;
      expect(overview.cards.newContact).toBe(own.newContact);
      expect(overview.tags).toEqual([{ tagId: 'et-vip', name: 'VIP', count: 1 }]);
      const contacts = (await serviceLead.get(`/api/analytics/staff/contacts?${rangeQuery()}`).expect(200))
        .body;
      expect(contacts.items.map((row: { userid: string }) => row.userid)).toEqual(['service-c']);
      const groups = (await serviceLead.get(`/api/analytics/staff/groups?${rangeQuery()}`).expect(200)).body;
      expect(groups.items.map((row: { userid: string }) => row.userid)).toEqual(['service-c']);
      // Choosing someone outside the 数据权限 shows nothing of theirs.
      const outside = (
        await serviceLead
          .get(`/api/analytics/customers/chats?${rangeQuery({ staff: 'sales-a' })}`)
          .expect(200)
      ).body;
      expect(outside.cards).toEqual({
        chatCnt: 0,
        messageCnt: 0,
        reply: { numerator: 0, denominator: 0 },
        firstReply: { totalSeconds: 0, count: 0 },
      });
      const exported = await downloadedSheet(
        serviceLead.get(`/api/analytics/staff/contacts/export?${rangeQuery()}`),
        '客户沟通',
      );
      expect(exported.body.map((row) => row[0])).toEqual(['售后丙']);
      const options = (await serviceLead.get('/api/analytics/staff-options').expect(200)).body;
      expect(options.staff).toEqual([{ userid: 'service-c', name: '售后丙' }]);
    });

    it('without the permission the pages answer 403', async () => {
      const role = await admin
        .post('/api/roles')
        .send({ name: '只看客户分析', functionPermissions: ['analytics.customers'], dataScope: 'all' });
      await admin.put('/api/org/staff/sales-b/role').send({ roleId: role.body.id }).expect(204);
      await admin.put('/api/org/staff/sales-b/system-access').send({ enabled: true }).expect(200);
      await admin.put('/api/org/staff/sales-b/password').send({ password: STAFF_PASSWORD }).expect(204);
      const viewer = request.agent(app.baseUrl);
      await viewer
        .post('/api/auth/login')
        .send({ phone: '13700000912', password: STAFF_PASSWORD })
        .expect(200);
      await viewer.get(`/api/analytics/customers/overview?${rangeQuery()}`).expect(200);
      await viewer.get(`/api/analytics/customers/group-chats/export?${rangeQuery()}`).expect(403);
      await viewer.get(`/api/analytics/staff/contacts?${rangeQuery()}`).expect(403);
    });
  });

  it('bad ranges are refused in Chinese', async () => {
    const reversed = await admin.get('/api/analytics/customers/overview?from=2026-11-08&to=2026-11-01');
    expect([reversed.status, reversed.body.error.message]).toEqual([400, '开始日期不能晚于结束日期（from）']);
    const long = await admin.get('/api/analytics/staff/contacts?from=2025-01-01&to=2026-11-01');
    expect([long.status, long.body.error.message]).toEqual([400, '时间范围最多366天（to）']);
    const badDay = await admin.get('/api/analytics/customers/group-days?from=2026-11&to=2026-11-01');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.message).toContain('日期格式应为 YYYY-MM-DD');
    const badSort = await admin.get(`/api/analytics/staff/groups?${rangeQuery({ sortBy: 'nope' })}`);
    expect(badSort.status).toBe(400);
  });
});

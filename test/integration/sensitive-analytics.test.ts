import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import type { ChatMessageRecord } from '../../lib/archive/chat-message-record';
import { onMessagesIngested } from '../../lib/archive/ingested-messages-hook';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { RoleModel } from '../../lib/models/role.model';
import { SensitiveAlertModel } from '../../lib/models/sensitive-alert.model';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { recordDeleteFriendAlerts } from '../../lib/sensitive/delete-friend-alerts';
import { startTestApp, type TestApp } from '../support/app-harness';
import { refreshListSearch } from '../support/list-search';
import { downloadedSheet } from '../support/xlsx-download';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('sens-analytics');
const ADMIN_MOBILE = '13700000071';
const STAFF_MOBILE = '13700000072';
const STAFF_PASSWORD = 'Staff1234';
const CUSTOMER_A = 'wmSensAnalyticsCustomerA01';
const CUSTOMER_B = 'wmSensAnalyticsCustomerB02';
const BEHAVIORS = ['redpacket', 'card', 'sensitive-message', 'delete-friend'] as const;
type Behavior = (typeof BEHAVIORS)[number];
type Agent = ReturnType<typeof request.agent>;
type Filters = { view: 'staff' | 'customer'; status: string; result: string; from?: string; to?: string };

interface Analysis {
  from: string;
  to: string;
  share: Record<Behavior, number>;
  trend: Array<Record<Behavior, number> & { day: string }>;
  topWords: Array<{ word: string; count: number }>;
  wordTrend: Array<{ day: string; counts: Record<string, number> }>;
}
type RankingRow = Record<Behavior, number> & {
  rank: number;
  id: string;
  name: string;
  context: string[];
  total: number;
};

/** One archived message as the ingest hands it to detection (lib/archive/ingested-messages-hook.ts). */
function message(
  msgid: string,
  at: string,
  from: string,
  peer: string,
  content: string,
  msgtype = 'text',
): ChatMessageRecord {
  const staff = from.startsWith('wm') ? peer : from;
  const customer = from.startsWith('wm') ? from : peer;
  const msgtime = new Date(at);
  return {
    _id: `${TENANT}:${msgid}`,
    tenantId: TENANT,
    msgid,
    seq: 0,
    action: 'send',
    msgtype,
    from,
    senderType: from.startsWith('wm') ? 'external' : 'staff',
    tolist: [peer],
    roomid: '',
    chatKind: 'external',
    conversationId: `single:${[staff, customer].sort().join('|')}`,
    staffUserids: [staff],
    externalUserids: [customer],
    msgtime,
    day: businessDay(msgtime),
    content,
    body: {},
  };
}

/**
 * 敏感行为分析 (R-6.3, I-92 … I-94) on the real stack: alerts raised by the product's own detection (rules and
 * settings through the api, messages through the ingest's detection hook, 删除好友 through its recorder), then
 * every figure compared with a count made here from the raw alert rows in MongoDB.
 */
describe('敏感行为分析', () => {
  let app: TestApp;
  let admin: Agent;
  let member: Agent;

  beforeAll(async () => {
    app = await startTestApp('sensitive-analytics');
    const { roles } = await createTenant(TENANT, '敏感分析企业', { adminMobile: ADMIN_MOBILE });
    // 敏感行为分析 without 导出, over their own data only (只看本人).
    const analyst = await RoleModel.create({
      tenantId: TENANT,
      name: '分析员',
      functionPermissions: ['analytics', 'analytics.sensitive-behaviors'],
      dataScope: 'self',
    });
    await DepartmentModel.create([
      { tenantId: TENANT, deptId: 2, name: '销售一部', parentId: 1 },
      { tenantId: TENANT, deptId: 3, name: '销售二部', parentId: 1 },
    ]);
    await StaffModel.create([
      { tenantId: TENANT, userid: 'lina', name: '销售1', departmentIds: [2], roleId: roles.staff },
      {
        tenantId: TENANT,
        userid: 'wangwei',
        name: '销售2',
        departmentIds: [3],
        mobile: STAFF_MOBILE,
        roleId: String(analyst._id),
        systemEnabled: true,
        passwordHash: await hashPassword(STAFF_PASSWORD),
      },
    ]);
    await CustomerModel.create([
      { tenantId: TENANT, externalUserid: CUSTOMER_A, name: '客户甲', ownerUserid: 'lina' },
      { tenantId: TENANT, externalUserid: CUSTOMER_B, name: '客户乙', ownerUserid: 'wangwei' },
    ]);
    admin = request.agent(app.baseUrl);
    await admin.post('/api/auth/login').send({ phone: ADMIN_MOBILE, password: ADMIN_PASSWORD }).expect(200);
    member = request.agent(app.baseUrl);
    await member.post('/api/auth/login').send({ phone: STAFF_MOBILE, password: STAFF_PASSWORD }).expect(200);

    // Two rules sharing 垃圾: a message with 垃圾 gives a row per rule, and 垃圾 must count once (I-94).
    for (const [name, words] of [
      ['辱骂', '滚，垃圾'],
      ['资金', '转账，垃圾'],
    ]) {
      const rule = (await admin.post('/api/sensitive-rules').send({ name, words }).expect(201)).body as {
        id: string;
      };
      await admin.put(`/api/sensitive-rules/${rule.id}/enabled`).send({ enabled: true }).expect(200);
    }
    await admin
      .put('/api/sensitive-behavior-settings')
      .send({
        behaviors: [...BEHAVIORS],
        auditedParties: ['customer', 'staff'],
        auditedUserids: [],
        notifyGroupOwner: false,
        notifyTrigger: false,
        notifyUserids: [],
        notifyByApp: false,
      })
      .expect(200);

    await onMessagesIngested(app.listSearch, TENANT, [
      message('m1', '2026-03-01T10:00:00+08:00', 'lina', CUSTOMER_A, '你这个垃圾，滚，垃圾'),
      message('m2', '2026-03-01T10:05:00+08:00', CUSTOMER_A, 'lina', '我先转账给你'),
      message('m3', '2026-03-01T11:00:00+08:00', 'lina', CUSTOMER_A, '', 'redpacket'),
      message('m4', '2026-03-02T09:00:00+08:00', 'wangwei', CUSTOMER_B, '垃圾'),
      message('m5', '2026-03-02T09:01:00+08:00', 'wangwei', CUSTOMER_B, '', 'card'),
      message('m6', '2026-03-02T09:02:00+08:00', CUSTOMER_B, 'wangwei', '滚'),
      message('m7', '2026-03-03T12:00:00+08:00', 'lina', CUSTOMER_B, '转账，转账'),
      // Late on 3 March in China, already 3 March in UTC too; and just after midnight China time, still
      // 3 March in UTC: days are China days.
      message('m8', '2026-03-03T23:30:00+08:00', 'lina', CUSTOMER_A, '滚'),
      message('m9', '2026-03-04T00:10:00+08:00', 'lina', CUSTOMER_A, '滚吧垃圾'),
      message('m10', '2026-03-04T08:00:00+08:00', 'lina', CUSTOMER_A, '', 'card'),
    ]);
    await recordDeleteFriendAlerts(app.listSearch, TENANT, [
      {
        _id: 'e1',
        externalUserid: CUSTOMER_A,
        userid: 'lina',
        kind: 'deleted_by_staff',
        at: new Date('2026-03-02T15:00:00+08:00'),
        via: 'callback',
      },
      {
        _id: 'e2',
        externalUserid: CUSTOMER_B,
        userid: 'wangwei',
        kind: 'deleted_by_customer',
        at: new Date('2026-03-03T15:00:00+08:00'),
        via: 'callback',
      },
    ]);

    // 审核: m1's two rows get different verdicts, so 垃圾 is in one row per 审核结果; m4 one verdict.
    const rowsOf = (msgid: string) => SensitiveAlertModel.find({ tenantId: TENANT, msgid }).lean();
    const m1 = await rowsOf('m1');
    const insult = m1.find((row) => row.ruleName === '辱骂')!;
    const money = m1.find((row) => row.ruleName === '资金')!;
    const review = (id: string, verdict: string) =>
      admin
        .post(`/api/sensitive-alerts/${encodeURIComponent(id)}/review`)
        .send({ verdict })
        .expect(204);
    await review(insult._id, 'violation');
    await review(money._id, 'dismissed');
    await review((await rowsOf('m4'))[0]._id, 'violation');
    await refreshListSearch(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  /** The expected figures, counted here from the raw rows as the manual defines them. */
  async function expected(filters: Filters, scopeUserid?: string) {
    const rows = (await SensitiveAlertModel.find({ tenantId: TENANT }).lean()).filter((row) => {
      const day = businessDay(row.triggeredAt);
      const status = row.status ?? 'pending';
      return (
        row.senderType === (filters.view === 'staff' ? 'staff' : 'external') &&
        (!scopeUserid || row.staffUserids.includes(scopeUserid)) &&
        (filters.status === 'all' || (filters.status === 'pending') === (status === 'pending')) &&
        (filters.result === 'all' || status === filters.result) &&
        (!filters.from || day >= filters.from) &&
        (!filters.to || day <= filters.to)
      );
    });
    const share = Object.fromEntries(
      BEHAVIORS.map((b) => [b, rows.filter((row) => row.behavior === b).length]),
    ) as Record<Behavior, number>;
    const pairs = new Map<string, { word: string; day: string; from: string }>();
    for (const row of rows)
      for (const word of row.words)
        pairs.set(`${word}|${row.msgid}`, { word, day: businessDay(row.triggeredAt), from: row.from });
    const wordCounts = new Map<string, number>();
    const senderWordCounts = new Map<string, number>();
    for (const { word, from } of pairs.values()) {
      wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      senderWordCounts.set(from, (senderWordCounts.get(from) ?? 0) + 1);
    }
    const perSender = new Map<string, Record<Behavior, number>>();
    for (const row of rows) {
      const counts = perSender.get(row.from) ?? {
        redpacket: 0,
        card: 0,
        'sensitive-message': 0,
        'delete-friend': 0,
      };
      counts[row.behavior as Behavior] += 1;
      perSender.set(row.from, counts);
    }
    return { rows, share, pairs, wordCounts, senderWordCounts, perSender };
  }

  const analysis = async (agent: Agent, filters: Partial<Filters>) =>
    (await agent.get('/api/analytics/sensitive-behaviors').query(filters).expect(200)).body as Analysis;
  const ranking = async (agent: Agent, query: Record<string, string | number>) =>
    (await agent.get('/api/analytics/sensitive-behaviors/ranking').query(query).expect(200)).body as {
      items: RankingRow[];
      total: number;
    };
  const wordRanking = async (agent: Agent, query: Record<string, string | number>) =>
    (await agent.get('/api/analytics/sensitive-words/ranking').query(query).expect(200)).body as {
      items: Array<{ rank: number; userid: string; name: string; count: number }>;
      total: number;
    };

  const FILTER_CASES: Filters[] = [
    { view: 'staff', status: 'all', result: 'all' },
    { view: 'customer', status: 'all', result: 'all' },
    { view: 'staff', status: 'reviewed', result: 'all' },
    { view: 'staff', status: 'pending', result: 'all' },
    { view: 'staff', status: 'all', result: 'violation' },
    { view: 'staff', status: 'all', result: 'dismissed' },
    { view: 'staff', status: 'all', result: 'all', from: '2026-03-02', to: '2026-03-03' },
  ];

  it.each(FILTER_CASES)('counts every chart as the raw rows do: %j', async (filters) => {
    const want = await expected(filters);
    const got = await analysis(admin, filters);
    expect(got.share).toEqual(want.share);
    // Every day of the range, each day's counts those of its rows.
    const days = got.trend.map((point) => point.day);
    expect(days[0]).toBe(got.from);
    expect(days.at(-1)).toBe(got.to);
    expect(new Set(days).size).toBe(days.length);
    for (const point of got.trend) {
      const ofDay = want.rows.filter((row) => businessDay(row.triggeredAt) === point.day);
      for (const behavior of BEHAVIORS)
        expect([point.day, behavior, point[behavior]]).toEqual([
          point.day,
          behavior,
          ofDay.filter((row) => row.behavior === behavior).length,
        ]);
    }
    // TOP5: (word, message) pairs, most first.
    const top = [...want.wordCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([word, count]) => ({ word, count }));
    expect(got.topWords).toEqual(top);
    for (const point of got.wordTrend)
      for (const { word } of top)
        expect([point.day, word, point.counts[word]]).toEqual([
          point.day,
          word,
          [...want.pairs.values()].filter((pair) => pair.word === word && pair.day === point.day).length,
        ]);

    const ranked = await ranking(admin, { ...filters, pageSize: 100 });
    expect(ranked.total).toBe(want.perSender.size);
    for (const row of ranked.items) {
      expect({ id: row.id, ...BEHAVIORS.map((b) => row[b]) }).toEqual({
        id: row.id,
        ...BEHAVIORS.map((b) => want.perSender.get(row.id)![b]),
      });
      expect(row.total).toBe(BEHAVIORS.reduce((sum, b) => sum + row[b], 0));
    }
    const words = await wordRanking(admin, { ...filters, pageSize: 100 });
    expect(words.items.map((row) => [row.userid, row.count])).toEqual(
      [...want.senderWordCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    );
  });

  it('counts 垃圾 once for a message that hit it twice and through two rules (I-94)', async () => {
    // m1 (垃圾 twice, two rules), m4 and m9 (two rules each): three messages, six rule rows with 垃圾.
    const rows = await SensitiveAlertModel.find({ tenantId: TENANT }).lean();
    expect(rows.filter((row) => row.senderType === 'staff' && row.words.includes('垃圾'))).toHaveLength(6);
    const got = await analysis(admin, { view: 'staff' });
    expect(got.topWords.find((w) => w.word === '垃圾')?.count).toBe(3);
    // Each verdict of m1 keeps its own row's 垃圾: once under either.
    expect((await analysis(admin, { result: 'violation' })).topWords).toContainEqual({
      word: '垃圾',
      count: 2,
    });
    expect((await analysis(admin, { result: 'dismissed' })).topWords).toEqual([{ word: '垃圾', count: 1 }]);
  });

  it('defaults the range to the first trigger until today, in China days (R-6.3.1-05)', async () => {
    const got = await analysis(admin, {});
    expect(got.from).toBe('2026-03-01');
    expect(got.to).toBe(businessDay(new Date()));
    expect(got.trend.find((point) => point.day === '2026-03-03')?.['sensitive-message']).toBe(2);
    expect(got.trend.find((point) => point.day === '2026-03-04')).toMatchObject({
      'sensitive-message': 2,
      card: 1,
    });
  });

  it('ranks staff with 部门 and customers with 跟进人, sorted by any column and paged', async () => {
    const staff = await ranking(admin, { view: 'staff' });
    expect(staff.items.map((row) => [row.rank, row.name, row.context])).toEqual([
      [1, '销售1', ['销售一部']],
      [2, '销售2', ['销售二部']],
    ]);
    const byCardAsc = await ranking(admin, {
      view: 'staff',
      sortBy: 'card',
      order: 'asc',
      pageSize: 1,
      page: 2,
    });
    expect(byCardAsc.total).toBe(2);
    // Both sent one card: ties go by 违规总次数, most first, so 销售2 (fewer) comes second.
    expect(byCardAsc.items.map((row) => [row.rank, row.id])).toEqual([[2, 'wangwei']]);
    const customers = await ranking(admin, { view: 'customer' });
    expect(customers.items.map((row) => [row.name, row.context])).toEqual(
      expect.arrayContaining([
        ['客户甲', ['销售1']],
        ['客户乙', ['销售2']],
      ]),
    );
    const bad = await admin.get('/api/analytics/sensitive-behaviors/ranking').query({ sortBy: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('排序字段不正确');
    const backwards = await admin
      .get('/api/analytics/sensitive-behaviors')
      .query({ from: '2026-03-04', to: '2026-03-01' });
    expect(backwards.body.error.message).toContain('开始日期不能晚于结束日期');
  });

  it('keeps a 只看本人 member to their own conversations (数据权限)', async () => {
    for (const filters of [
      { view: 'staff', status: 'all', result: 'all' },
      { view: 'customer', status: 'all', result: 'all' },
    ] as Filters[]) {
      const want = await expected(filters, 'wangwei');
      const got = await analysis(member, filters);
      expect(got.share).toEqual(want.share);
      expect((await ranking(member, filters)).items.map((row) => row.id).sort()).toEqual(
        [...want.perSender.keys()].sort(),
      );
    }
    // The first trigger they can see is 2 March.
    expect((await analysis(member, {})).from).toBe('2026-03-02');
  });

  it('exports both rankings with the table’s rows and totals', async () => {
    const ranked = await ranking(admin, { view: 'staff', sortBy: 'total' });
    const sheet = await downloadedSheet(
      admin.get('/api/analytics/sensitive-behaviors/ranking/export').query({ view: 'staff' }),
      '触发敏感行为排名',
    );
    expect(sheet.header).toEqual([
      '排名',
      '姓名',
      '部门',
      '发红包',
      '发名片',
      '敏感消息',
      '删除好友',
      '违规总次数',
    ]);
    expect(sheet.body).toEqual(
      ranked.items.map((row) => [
        row.rank,
        row.name,
        row.context.join('、'),
        row.redpacket,
        row.card,
        row['sensitive-message'],
        row['delete-friend'],
        row.total,
      ]),
    );
    const words = await wordRanking(admin, { view: 'staff' });
    const wordSheet = await downloadedSheet(
      admin.get('/api/analytics/sensitive-words/ranking/export').query({ view: 'staff' }),
      '敏感词触发排名',
    );
    expect(wordSheet.body).toEqual(words.items.map((row) => [row.rank, row.name, row.count]));
    // No 导出 without its permission.
    await member.get('/api/analytics/sensitive-words/ranking/export').expect(403);
  });

  it('只看员工 keeps to today’s 审计范围 (R-6.3.1-02)', async () => {
    const current = (await admin.get('/api/sensitive-behavior-settings').expect(200)).body as object;
    await admin
      .put('/api/sensitive-behavior-settings')
      .send({ ...current, auditedUserids: ['wangwei'] })
      .expect(200);
    const staff = await ranking(admin, { view: 'staff' });
    expect(staff.items.map((row) => row.id)).toEqual(['wangwei']);
    // Customers stay all customers.
    expect((await ranking(admin, { view: 'customer' })).total).toBe(2);
  });
});

import request from 'supertest';
import { hashPassword } from '../../lib/auth/password-hash';
import type { ConsistencyPage } from '../../lib/contracts/analytics.contract';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { StaffModel } from '../../lib/models/staff.model';
import { writeListRows } from '../../lib/search/list-read-model';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { startTestApp, type TestApp } from '../support/app-harness';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('consistency');
const OTHER_TENANT = freshTenantId('consistency-other');
const ADMIN_MOBILE = '13700000771';
const MEMBER_MOBILE = '13700000772';
type Agent = ReturnType<typeof request.agent>;

const ZERO_OURS = {
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

/** A rolled-up day as the rollup writes it: ours, and WeCom's when given. */
function stat(
  tenantId: string,
  day: string,
  userid: string,
  ours: { newContact: number; chatCnt: number },
  wecom: { newContact: number; chatCnt: number } | null,
) {
  return {
    _id: `${tenantId}|${day}|${userid}`,
    tenantId,
    day,
    userid,
    ours: { ...ZERO_OURS, ...ours },
    wecom: wecom && {
      newApply: 0,
      newContact: wecom.newContact,
      chatCnt: wecom.chatCnt,
      messageCnt: 0,
      negativeFeedback: 0,
    },
    rolledUpAt: new Date(),
  };
}

/** 数据核对 (issue 17): WeCom's 联系客户统计 counts beside ours, per staff member and day, on the real stack. */
describe('统计分析 数据核对', () => {
  let app: TestApp;
  let admin: Agent;
  let member: Agent;

  beforeAll(async () => {
    app = await startTestApp('analytics-consistency');
    const { roles } = await createTenant(TENANT, '核对企业', { adminMobile: ADMIN_MOBILE });
    await createTenant(OTHER_TENANT, '另一企业', { adminMobile: '13700000773' });
    await StaffModel.create([
      {
        tenantId: TENANT,
        userid: 'lina',
        name: '李娜',
        mobile: MEMBER_MOBILE,
        systemEnabled: true,
        roleId: roles.staff,
        passwordHash: await hashPassword(ADMIN_PASSWORD),
      },
      { tenantId: TENANT, userid: 'wang', name: '王强', mobile: '13700000774', roleId: roles.staff },
    ]);
    const rows = [
      stat(TENANT, '2026-11-01', 'lina', { newContact: 3, chatCnt: 5 }, { newContact: 3, chatCnt: 5 }),
      stat(TENANT, '2026-11-02', 'lina', { newContact: 2, chatCnt: 4 }, { newContact: 3, chatCnt: 4 }),
      stat(TENANT, '2026-11-02', 'wang', { newContact: 1, chatCnt: 1 }, { newContact: 1, chatCnt: 2 }),
      // No WeCom answer: nothing to compare.
      stat(TENANT, '2026-11-03', 'wang', { newContact: 7, chatCnt: 7 }, null),
      // Outside the range.
      stat(TENANT, '2026-10-31', 'wang', { newContact: 9, chatCnt: 9 }, { newContact: 8, chatCnt: 9 }),
      stat(OTHER_TENANT, '2026-11-02', 'lina', { newContact: 5, chatCnt: 5 }, { newContact: 6, chatCnt: 5 }),
    ];
    for (const tenantId of [TENANT, OTHER_TENANT]) {
      const mine = rows.filter((row) => row.tenantId === tenantId);
      await writeListRows(
        app.listSearch,
        staffDayStatReadModel,
        tenantId,
        mine.map((row) => row._id),
        () => StaffDayStatModel.insertMany(mine),
        { refresh: 'wait_for' },
      );
    }
    const login = async (phone: string) => {
      const agent = request.agent(app.baseUrl);
      await agent.post('/api/auth/login').send({ phone, password: ADMIN_PASSWORD }).expect(200);
      return agent;
    };
    admin = await login(ADMIN_MOBILE);
    member = await login(MEMBER_MOBILE);
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
  });

  const page = async (agent: Agent, query: Record<string, string>) =>
    (await agent.get('/api/analytics/consistency').query(query).expect(200)).body as ConsistencyPage;
  const range = { from: '2026-11-01', to: '2026-11-30' };

  it('lists the days WeCom answered, newest first, both counts side by side, and their sums', async () => {
    const all = await page(admin, range);
    expect(all.items.map((row) => [row.day, row.name, row.differs])).toEqual([
      ['2026-11-02', '李娜', true],
      ['2026-11-02', '王强', true],
      ['2026-11-01', '李娜', false],
    ]);
    expect(all.items[0]?.counts.newContact).toEqual({ wecom: 3, ours: 2 });
    expect(all.totals.newContact).toEqual({ wecom: 7, ours: 6 });
    expect(all.totals.chatCnt).toEqual({ wecom: 11, ours: 10 });
  });

  it('keeps only the differing days on request, and one member’s with 按员工查询', async () => {
    const differing = await page(admin, { ...range, onlyDifferent: 'true' });
    expect(differing.items.map((row) => `${row.day} ${row.userid}`)).toEqual([
      '2026-11-02 lina',
      '2026-11-02 wang',
    ]);
    const wang = await page(admin, { ...range, staff: 'wang' });
    expect(wang.items.map((row) => row.userid)).toEqual(['wang']);
  });

  it('shows a member with own data only her days, even when she asks for a colleague', async () => {
    expect((await page(member, range)).items.map((row) => row.userid)).toEqual(['lina', 'lina']);
    expect((await page(member, { ...range, staff: 'wang' })).items).toEqual([]);
  });

  it('refuses a bad range in Chinese', async () => {
    const refused = await admin
      .get('/api/analytics/consistency')
      .query({ from: '2026-11-30', to: '2026-11-01' })
      .expect(400);
    expect(refused.body.error.message).toContain('开始日期不能晚于结束日期');
    const tooLong = await admin
      .get('/api/analytics/consistency')
      .query({ from: '2025-01-01', to: '2026-11-01' })
      .expect(400);
    expect(tooLong.body.error.message).toContain('时间范围最多366天');
  });
});

import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { OwnerDayGroupStatModel } from '../../lib/models/owner-day-group-stat.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { writeListRows } from '../../lib/search/list-read-model';
import { ownerDayGroupStatReadModel } from '../../lib/search/owner-day-group-stat-index';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-analytics');
const PHONE = '13700000951';
const STAFF = [
  { userid: 'lina', name: '李娜' },
  { userid: 'wangqiang', name: '王强' },
];

/** The 14 China days ending yesterday, oldest first: the default range is the last 7 of them. */
const DAYS = Array.from({ length: 14 }, (_, i) => businessDay(new Date(Date.now() - (14 - i) * 86_400_000)));
const LAST_WEEK = DAYS.slice(7);

/** Each member's day: 新增客户 i + 1 (李娜) or 2 (王强), and a 群主's groups growing by one a day. */
const staffDay = (userid: string, day: string, i: number) => ({
  _id: `${TENANT}|${day}|${userid}`,
  tenantId: TENANT,
  day,
  userid,
  ours: {
    newApply: 1,
    newContact: userid === 'lina' ? i + 1 : 2,
    deletedByStaff: 0,
    deletedByCustomer: i % 2,
    chatCnt: 3,
    messageCnt: 10,
    reply: { numerator: 1, denominator: 2 },
    firstReply: { totalSeconds: 600, count: 1 },
    sources: { qrcode: 1, card: 0, other: userid === 'lina' ? i : 1 },
  },
  // WeCom answered for 王强's last day, its 聊天总数 one above the archive's (数据核对).
  wecom:
    userid === 'wangqiang' && i === DAYS.length - 1
      ? { newApply: 1, newContact: 2, chatCnt: 4, messageCnt: 10, negativeFeedback: i % 2 }
      : null,
  rolledUpAt: new Date(),
});
const ownerDay = (owner: string, day: string, i: number) => ({
  _id: `${TENANT}|${day}|${owner}`,
  tenantId: TENANT,
  day,
  owner,
  ours: {
    chatTotal: 10 + i,
    newChat: 1,
    chatHasMsg: 2,
    memberTotal: 100 + i,
    newMember: 3,
    memberHasMsg: 4,
    msgTotal: 20,
  },
  wecom: null,
  rolledUpAt: new Date(),
});

const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0);
const linaContacts = (days: string[]) => sumOf(days.map((day) => DAYS.indexOf(day) + 1));

async function sheetOf(download: Download, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return (workbook.getWorksheet(name)!.getSheetValues().slice(1) as unknown[][]).map((row) => row.slice(1));
}

/**
 * Issue 17's "done when" for 客户分析 and 员工分析, in Chromium: each tab over rollup rows written as the
 * rollup writes them, the range and the staff filter changed, and an export whose totals match the cards.
 */
describe('统计分析 end to end in Chromium: 客户分析 and 员工分析', () => {
  let app: TestApp;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-analytics');
    const corp = await simulator.createCorp('统计分析端到端企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await StaffModel.create(
      STAFF.map((member) => ({ tenantId: TENANT, roleId: roles.staff, departmentIds: [1], ...member })),
    );
    const staffDays = STAFF.flatMap((member) => DAYS.map((day, i) => staffDay(member.userid, day, i)));
    await writeListRows(
      app.listSearch,
      staffDayStatReadModel,
      TENANT,
      staffDays.map((row) => row._id),
      () => StaffDayStatModel.insertMany(staffDays),
      { refresh: 'wait_for' },
    );
    const ownerDays = DAYS.map((day, i) => ownerDay('lina', day, i));
    await writeListRows(
      app.listSearch,
      ownerDayGroupStatReadModel,
      TENANT,
      ownerDays.map((row) => row._id),
      () => OwnerDayGroupStatModel.insertMany(ownerDays),
      { refresh: 'wait_for' },
    );
    browser = await launchBrowser();
    // China time: the default range (ending yesterday) is the rows' last 7 days.
    admin = await browser.newPage({ timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const cardValue = async (label: string) => {
    const card = admin.getByTestId('stat-card').filter({ has: admin.getByText(label, { exact: true }) });
    return (await card.getByTestId('stat-card-value').textContent())!.trim();
  };
  const waitForCard = async (label: string, value: string) =>
    admin
      .getByTestId('stat-card')
      .filter({ has: admin.getByText(label, { exact: true }) })
      .getByTestId('stat-card-value')
      .getByText(value, { exact: true })
      .waitFor();

  /** Types both days into 时间 and applies them with 查询. */
  async function chooseRange(from: string, to: string) {
    const inputs = admin.getByTestId('analytics-range').locator('input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await admin.keyboard.press('Escape');
    expect([await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()]).toEqual([from, to]);
    await admin.getByTestId('analytics-search').click();
  }

  async function chooseStaff(name: string) {
    await admin.getByTestId('analytics-staff').click();
    await admin.locator('nz-option-item').filter({ hasText: name }).click();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('analytics-search').click();
  }

  it('客户分析: the three tabs, a wider range, one member, and 群聊明细 exported with the cards’ totals', async () => {
    await logIn(admin, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await admin.goto(`${app.baseUrl}/analytics/customers`);

    // 客户概览 over the default last 7 days (ending yesterday).
    await waitForCard('新增客户数', String(linaContacts(LAST_WEEK) + 2 * 7));
    expect(await cardValue('客户申请数')).toBe('14');
    await admin.getByTestId('overview-trend').locator('canvas').first().waitFor();
    await admin.getByTestId('overview-sources').locator('canvas').first().waitFor();
    // No customer carries a tag: 客户标签分布 says so.
    await admin.getByTestId('overview-tags').getByTestId('chart-empty').waitFor();

    await chooseRange(DAYS[0], DAYS[13]);
    await waitForCard('新增客户数', String(linaContacts(DAYS) + 2 * 14));

    // 客户聊天分析: ratios of sums, in the manual's formats.
    await admin.getByRole('tab', { name: '客户聊天分析' }).click();
    await waitForCard('已回复聊天占比', '50.00%');
    expect(await cardValue('平均首次回复时长')).toBe('00:10:00');
    expect(await cardValue('发送消息数')).toBe(String(10 * 2 * 14));
    await admin.getByTestId('chat-detail-row').first().waitFor();

    // 客户群聊分析: 群聊总数 as of the last day, 群聊明细 a row per day, 全公司.
    await admin.getByRole('tab', { name: '客户群聊分析' }).click();
    await waitForCard('群聊总数', String(10 + 13));
    expect(await cardValue('新增群聊数')).toBe('14');
    const chatsTable = admin.getByTestId('group-chats-table');
    await chatsTable.getByText('共 14 条').waitFor();
    expect(await admin.getByTestId('group-chats-row').first().textContent()).toContain('全公司');

    // 按员工查询 王强 (who owns no group): his name in 员工/部门, zeros.
    await chooseStaff('王强');
    await waitForCard('群聊总数', '0');
    await admin.getByTestId('group-chats-row').first().getByText('王强').waitFor();

    // 重置: everyone over the default 7 days again; then 导出 群聊明细, whose totals are the cards'.
    await admin.getByTestId('analytics-reset').click();
    await waitForCard('新增群聊数', '7');
    await chatsTable.getByText('共 7 条').waitFor();
    expect(await cardValue('群聊总数')).toBe(String(10 + 13));
    const cards = {
      newChat: Number(await cardValue('新增群聊数')),
      chatHasMsg: Number(await cardValue('有过消息的群聊数')),
    };
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByTestId('group-chats-export').click(),
    ]);
    const [header, ...rows] = await sheetOf(download, '群聊明细');
    expect(header).toEqual(['日期', '员工/部门', '群聊总数', '新增群聊数', '有过消息的群聊数']);
    expect(rows.map((row) => row[0])).toEqual([...LAST_WEEK].reverse());
    expect(rows[0][2]).toBe(10 + 13);
    expect(sumOf(rows.map((row) => Number(row[3])))).toBe(cards.newChat);
    expect(sumOf(rows.map((row) => Number(row[4])))).toBe(cards.chatHasMsg);
  }, 300_000);

  it('员工分析: 客户沟通 sorted on the server, 客户群沟通, and 客户沟通 exported in the table’s order', async () => {
    await admin.goto(`${app.baseUrl}/analytics/staff`);
    const names = async () =>
      (await admin.getByTestId('staff-contacts-row').locator('td:first-child').allTextContents()).map((t) =>
        t.trim(),
      );
    await admin.getByTestId('staff-contacts-row').nth(1).waitFor();
    // Default order: 新增客户数, most first (李娜 adds i + 1 a day, 王强 2).
    expect(await names()).toEqual(['李娜', '王强']);
    // 升序 on the first click.
    await admin.getByTestId('sort-newContact').click();
    await eventually(async () => (await names()).join() === '王强,李娜');

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByTestId('staff-contacts-export').click(),
    ]);
    const [header, ...rows] = await sheetOf(download, '客户沟通');
    expect(header[0]).toBe('成员');
    expect(rows.map((row) => row[0])).toEqual(['王强', '李娜']);
    expect(rows[1][2]).toBe(linaContacts(LAST_WEEK));
    expect(rows[1][5]).toBe('50.00%');

    await admin.getByRole('tab', { name: '客户群沟通' }).click();
    const owner = admin.getByTestId('staff-groups-row').first();
    await owner.getByText('李娜').waitFor();
    expect(await owner.locator('td').nth(1).textContent()).toContain(String(10 + 13));

    // 王强 owns no group: no row, the table's empty state.
    await chooseStaff('王强');
    await admin.getByTestId('staff-groups-table').locator('.ant-table-placeholder').waitFor();
    expect(await admin.getByTestId('staff-groups-row').count()).toBe(0);

    // 数据核对: 王强's one day WeCom answered, its 聊天总数 4 beside the archive's 3, in red.
    await admin.getByRole('tab', { name: '数据核对' }).click();
    const checked = admin.getByTestId('consistency-row');
    await checked.first().waitFor();
    expect(await checked.count()).toBe(1);
    const chats = checked.locator('td').nth(4);
    expect((await chats.textContent())?.trim()).toBe('4 / 3');
    expect(await chats.getAttribute('class')).toContain('differs');
    await admin.getByTestId('consistency-totals').getByText('聊天总数 4 / 3').waitFor();
    await admin.getByTestId('consistency-only-different').click();
    await eventually(async () => ((await checked.count()) === 1 ? true : undefined));

    // 补算所选时间 hands the range to its workflow (no worker runs here: it shows as under way).
    await admin.getByTestId('backfill-start').click();
    await admin
      .getByTestId('backfill-status')
      .getByText(`补算中：${LAST_WEEK[0]} 至 ${LAST_WEEK.at(-1)}`)
      .waitFor();
  }, 300_000);
});

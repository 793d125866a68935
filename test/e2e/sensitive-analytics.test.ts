import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { ChatMessageRecord } from '../../lib/archive/chat-message-record';
import { onMessagesIngested } from '../../lib/archive/ingested-messages-hook';
import { CustomerModel } from '../../lib/models/customer.model';
import { DepartmentModel } from '../../lib/models/department.model';
import { SensitiveBehaviorSettingsModel } from '../../lib/models/sensitive-behavior-settings.model';
import { SensitiveRuleModel } from '../../lib/models/sensitive-rule.model';
import { StaffModel } from '../../lib/models/staff.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { recordDeleteFriendAlerts } from '../../lib/sensitive/delete-friend-alerts';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { refreshListSearch } from '../support/list-search';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-sens-analytics');
const PHONE = '13700000671';
const CUSTOMER_A = 'wmE2eSensAnalyticsCustA01';
const CUSTOMER_B = 'wmE2eSensAnalyticsCustB02';

function message(msgid: string, at: string, from: string, peer: string, content: string, msgtype = 'text') {
  const external = from.startsWith('wm');
  const staff = external ? peer : from;
  const customer = external ? from : peer;
  const msgtime = new Date(at);
  return {
    _id: `${TENANT}:${msgid}`,
    tenantId: TENANT,
    msgid,
    seq: 0,
    action: 'send',
    msgtype,
    from,
    senderType: external ? 'external' : 'staff',
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
  } satisfies ChatMessageRecord;
}

/** A downloaded workbook's sheet as rows of cell values, header first. */
async function sheetRows(page: Page, testId: string, sheet: string): Promise<unknown[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return (workbook.getWorksheet(sheet)!.getSheetValues().slice(1) as unknown[][]).map((row) => row.slice(1));
}

/**
 * Issue 17's 敏感行为分析 "done when" in Chromium: the page opens on 只看员工 over the default range, switches to
 * 只看客户, narrows the range, and the ranking's 导出 has the table's rows and the charts' total.
 */
describe('敏感行为分析 end to end in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-sensitive-analytics');
    await createTenant(TENANT, '敏感分析端到端企业', { adminMobile: PHONE });
    await DepartmentModel.create({ tenantId: TENANT, deptId: 2, name: '销售一部', parentId: 1 });
    await StaffModel.create([
      { tenantId: TENANT, userid: 'lina', name: '销售1', departmentIds: [2] },
      { tenantId: TENANT, userid: 'wangwei', name: '销售2', departmentIds: [2] },
    ]);
    await CustomerModel.create([
      { tenantId: TENANT, externalUserid: CUSTOMER_A, name: '客户甲', ownerUserid: 'lina' },
      { tenantId: TENANT, externalUserid: CUSTOMER_B, name: '客户乙', ownerUserid: 'wangwei' },
    ]);
    // The rules and settings as their pages save them (their own e2e tests drive those pages).
    const createdBy = { staffId: 'admin', name: '管理员' };
    await SensitiveRuleModel.create([
      { tenantId: TENANT, name: '辱骂', words: ['滚', '垃圾'], enabled: true, createdBy },
      { tenantId: TENANT, name: '资金', words: ['转账', '垃圾'], enabled: true, createdBy },
    ]);
    await SensitiveBehaviorSettingsModel.create({
      _id: TENANT,
      tenantId: TENANT,
      behaviors: ['redpacket', 'card', 'sensitive-message', 'delete-friend'],
      auditedParties: ['customer', 'staff'],
      auditedUserids: [],
      notifyGroupOwner: false,
      notifyTrigger: false,
      notifyUserids: [],
      notifyByApp: false,
    });
    await onMessagesIngested(app.listSearch, TENANT, [
      message('m1', '2026-03-01T10:00:00+08:00', 'lina', CUSTOMER_A, '你这个垃圾，滚'),
      message('m2', '2026-03-01T10:05:00+08:00', CUSTOMER_A, 'lina', '我先转账给你'),
      message('m3', '2026-03-02T09:00:00+08:00', 'wangwei', CUSTOMER_B, '', 'card'),
      message('m4', '2026-03-02T09:02:00+08:00', CUSTOMER_B, 'wangwei', '滚'),
      message('m5', '2026-03-03T12:00:00+08:00', 'lina', CUSTOMER_B, '转账，垃圾'),
    ]);
    await recordDeleteFriendAlerts(app.listSearch, TENANT, [
      {
        _id: 'e1',
        externalUserid: CUSTOMER_B,
        userid: 'wangwei',
        kind: 'deleted_by_customer',
        at: new Date('2026-03-03T15:00:00+08:00'),
        via: 'callback',
      },
    ]);
    await refreshListSearch(app);
    browser = await launchBrowser();
    admin = await browser.newPage({ timezoneId: 'Asia/Shanghai' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const rankingNames = async () =>
    (await admin.getByTestId('sensitive-ranking-row').locator('td:nth-child(2)').allTextContents()).map((t) =>
      t.trim(),
    );
  /** Waits for the ranking to show these names (a new 查询 answers after the filters changed). */
  const rankingShows = (names: string[]) =>
    eventually(
      async () => JSON.stringify((await rankingNames()).sort()) === JSON.stringify([...names].sort()),
    );

  it('switches 只看员工/只看客户, narrows the range and exports the ranking with matching totals', async () => {
    await logIn(admin, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await admin.goto(`${app.baseUrl}/analytics/sensitive-behaviors`);

    // 只看员工 over the first trigger until today: 销售1 (2 rule rows of m1, m5's 2 rows) before 销售2 (a card).
    await rankingShows(['销售1', '销售2']);
    expect(await rankingNames()).toEqual(['销售1', '销售2']);
    await admin.getByTestId('sensitive-share-chart').locator('canvas').first().waitFor();
    await admin.getByTestId('sensitive-trend-chart').locator('canvas').first().waitFor();
    // 垃圾: m1 hit it through two rules, m5 once: 2 messages.
    expect(await admin.getByTestId('sensitive-top-word').first().textContent()).toMatch(/垃圾\s*2次/);
    await admin.getByTestId('sensitive-word-chart').locator('canvas').first().waitFor();
    const rangeInputs = admin.getByTestId('sensitive-analytics-range').locator('input');
    expect(await rangeInputs.first().inputValue()).toBe('2026-03-01');
    expect(await rangeInputs.last().inputValue()).toBe(businessDay(new Date()));

    // 只看客户: the customers, with 跟进人.
    await admin.getByTestId('sensitive-analytics-view').click();
    await admin.locator('.ant-select-item-option', { hasText: '只看客户' }).click();
    await admin.getByTestId('sensitive-analytics-search').click();
    await admin.getByRole('columnheader', { name: '跟进人' }).waitFor();
    await rankingShows(['客户甲', '客户乙']);

    // 2 to 3 March: only 客户乙 (滚 on the 2nd, the deletion on the 3rd).
    await rangeInputs.first().click();
    await rangeInputs.first().fill('2026-03-02');
    await rangeInputs.first().press('Enter');
    await rangeInputs.last().fill('2026-03-03');
    await rangeInputs.last().press('Enter');
    await admin.getByTestId('sensitive-analytics-search').click();
    await rankingShows(['客户乙']);
    const tableTotals = (await admin.getByTestId('sensitive-ranking-total').allTextContents()).map(Number);
    expect(tableTotals).toEqual([2]);

    // 导出: the table's rows, and a total equal to the charts' (the pie's sum) for the same filters.
    const [header, ...rows] = await sheetRows(admin, 'sensitive-ranking-export', '触发敏感行为排名');
    expect(header).toEqual([
      '排名',
      '姓名',
      '跟进人',
      '发红包',
      '发名片',
      '敏感消息',
      '删除好友',
      '违规总次数',
    ]);
    expect(rows).toEqual([[1, '客户乙', '销售2', 0, 0, 1, 1, 2]]);
    const charts = (await (
      await admin.request.get(
        `${app.baseUrl}/api/analytics/sensitive-behaviors?view=customer&from=2026-03-02&to=2026-03-03`,
      )
    ).json()) as { share: Record<string, number> };
    const exportedTotal = rows.reduce((sum, row) => sum + Number(row[7]), 0);
    expect(exportedTotal).toBe(Object.values(charts.share).reduce((sum, count) => sum + count, 0));

    const [wordHeader, ...wordRows] = await sheetRows(
      admin,
      'sensitive-word-ranking-export',
      '敏感词触发排名',
    );
    expect(wordHeader).toEqual(['排名', '姓名', '敏感词触发次数']);
    expect(wordRows).toEqual([[1, '客户乙', 1]]);
  }, 300_000);
});

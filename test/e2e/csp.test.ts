import type { Browser, Page } from 'playwright-core';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { CustomerModel } from '../../lib/models/customer.model';
import { StaffDayStatModel } from '../../lib/models/staff-day-stat.model';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { writeListRows } from '../../lib/search/list-read-model';
import { staffDayStatReadModel } from '../../lib/search/staff-day-stat-index';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { simulator, type SimCorp, simClientUrl } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-csp');
const ADMIN_PHONE = '13700000191';
const CUSTOMER = 'wm-e2e-csp';

/** lina's last 7 China days, so 客户分析 draws its charts instead of 暂无数据. */
const DAYS = Array.from({ length: 7 }, (_, i) => businessDay(new Date(Date.now() - (7 - i) * 86_400_000)));
const staffDay = (day: string, i: number) => ({
  _id: `${TENANT}|${day}|lina`,
  tenantId: TENANT,
  day,
  userid: 'lina',
  ours: {
    newApply: 1,
    newContact: i + 1,
    deletedByStaff: 0,
    deletedByCustomer: i % 2,
    chatCnt: 3,
    messageCnt: 10,
    reply: { numerator: 1, denominator: 2 },
    firstReply: { totalSeconds: 600, count: 1 },
    sources: { qrcode: 1, card: 0, other: i },
  },
  wecom: null,
  rolledUpAt: new Date(),
});

/**
 * Collects what the page's Content-Security-Policy blocked: `securitypolicyviolation` events (listened for
 * before any script of each document runs) and Chromium's console errors about the policy.
 */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  // A string: this project compiles without the DOM's types.
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(
        event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' on ' + location.pathname,
      );
    });
  `);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

/**
 * Issue 18: the admin and the H5 side panel run under the api's Content-Security-Policy with nothing blocked,
 * over the pages whose widgets differ most: tables, the tree, echarts' canvases, WeCom's JS-SDK.
 */
describe('the admin under its Content-Security-Policy, in Chromium', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let admin: Page;
  let sidebar: Page;
  let adminBlocked: string[];
  let sidebarBlocked: string[];

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-csp');
    corp = await simulator.createCorp('安全策略端到端企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000192',
      department: [1],
    });
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000192',
      roleId: roles.staff,
      departmentIds: [1],
    });
    const follows = [
      { userid: 'lina', addedAt: new Date('2026-11-01T02:03:00Z'), tagIds: [], remarkMobiles: [], addWay: 1 },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: CUSTOMER,
      name: '安全策略客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows, undefined),
    });
    const staffDays = DAYS.map((day, i) => staffDay(day, i));
    await writeListRows(
      app.listSearch,
      staffDayStatReadModel,
      TENANT,
      staffDays.map((row) => row._id),
      () => StaffDayStatModel.insertMany(staffDays),
      { refresh: 'wait_for' },
    );
    browser = await launchBrowser();
    admin = await browser.newPage({ timezoneId: 'Asia/Shanghai' });
    sidebar = await browser.newPage({ viewport: { width: 390, height: 844 } });
    adminBlocked = await recordViolations(admin);
    sidebarBlocked = await recordViolations(sidebar);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('logs in and opens 客户, 客户群, 客户分析 (charts) and 知识库 with nothing blocked', async () => {
    const login = await admin.goto(`${app.baseUrl}/login`);
    // The policy really is in force: this test would pass vacuously without it.
    expect(login?.headers()['content-security-policy']).toContain("script-src 'self'");
    await logIn(admin, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);

    await admin.goto(`${app.baseUrl}/customer/customers`);
    // The list reads the search index, which this test does not fill: the empty table is enough here.
    await admin.getByTestId('customer-table').waitFor();

    await admin.goto(`${app.baseUrl}/customer/groups`);
    await admin.getByTestId('customer-groups-table').waitFor();

    await admin.goto(`${app.baseUrl}/analytics/customers`);
    await admin.getByTestId('overview-trend').locator('canvas').first().waitFor();
    await admin.getByTestId('overview-sources').locator('canvas').first().waitFor();

    await admin.goto(`${app.baseUrl}/material/knowledge`);
    await admin.getByTestId('kb-node-未分类').waitFor();

    expect(adminBlocked).toEqual([]);
  }, 90_000);

  it('opens the H5 side panel, with WeCom’s JS-SDK, from a chat toolbar with nothing blocked', async () => {
    const open = simClientUrl(corp.corpId, {
      userid: 'lina',
      entry: 'single_chat_tools',
      externalUserid: CUSTOMER,
      url: `${app.baseUrl}/h5/customer?corpId=${corp.corpId}`,
    });
    await sidebar.goto(open);
    // The customer is known only once the JS-SDK (from the simulator's host) has answered.
    await sidebar.getByTestId('h5-customer-name').getByText('安全策略客户').waitFor();
    await sidebar.getByRole('tab', { name: '知识库' }).click();
    await sidebar.getByTestId('h5-kb-search').waitFor();

    expect(sidebarBlocked).toEqual([]);
  }, 90_000);
});

import type { Browser, Page } from 'playwright-core';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, openFromMenu } from '../support/browser';
import { populateCorp, simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e');
const PHONE = '13700000041';

describe('an admin logs in and syncs the org from WeCom (end to end, in Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-org');
    const corp = await simulator.createCorp('端到端测试企业');
    await populateCorp(corp.corpId, 23);
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await app.startWorker();
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the manual messages for a wrong login, then logs in', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-phone').fill('13999999999');
    await page.getByTestId('login-password').fill('whatever');
    await page.getByTestId('login-submit').click();
    await page.getByText('请输入注册手机号码').waitFor();

    await page.getByTestId('login-phone').fill(PHONE);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByText('密码输入有误').waitFor();

    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The super admin may see everything, so they land on the first menu item (I-11).
    await page.waitForURL('**/acquisition/group-codes');
    await openFromMenu(page, '系统配置', '组织架构', '**/system/org');
    await expect(page.getByTestId('header-user').textContent()).resolves.toContain('管理员');
  });

  it('clicks 同步 and sees the synced department tree, staff list and sync line', async () => {
    await page.getByTestId('org-sync').click();
    const lastSync = page.getByTestId('org-last-sync');
    await lastSync.getByText(/同步 27 条信息/).waitFor({ timeout: 60_000 });
    expect(await lastSync.textContent()).toMatch(
      /最近更新：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，同步 27 条信息/,
    );

    const tree = page.getByTestId('org-tree');
    await tree.getByText('端到端测试企业').first().waitFor();
    await tree.getByText('销售部').waitFor();
    await tree.getByText('研发中心').waitFor();

    const table = page.getByTestId('staff-table');
    await table.getByText('员工1', { exact: true }).waitFor();
    // 23 synced members and the local admin, 20 to a page.
    await expect(table.locator('tbody tr').count()).resolves.toBe(20);
    // The super admin uses no seat (I-101).
    await expect(page.getByTestId('seat-banner').textContent()).resolves.toContain('已开启账号数量：0/10');
  });

  it('开启系统 on a member takes a seat, shown in the banner', async () => {
    const row = page.getByTestId('staff-table').locator('tbody tr', { hasText: '员工1' }).first();
    await row.getByTestId('staff-system-access').click();
    await row.getByText('关闭系统').waitFor();
    await page.getByTestId('seat-banner').getByText('已开启账号数量：1/10').waitFor();
  });

  it('filters the staff list by name', async () => {
    await page.getByTestId('staff-search').fill('员工2');
    await page.getByTestId('staff-search').press('Enter');
    const rows = page.getByTestId('staff-table').locator('tbody tr');
    // 员工2 and 员工20…员工23, and nobody else.
    await eventually(async () => (await rows.count()) === 5, 10_000);
    const names = await rows.locator('td:first-child').allTextContents();
    expect(names.map((name) => name.trim()).sort()).toEqual([
      '员工2',
      '员工20',
      '员工21',
      '员工22',
      '员工23',
    ]);
  });
});

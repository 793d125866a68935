import type { Browser, Page } from 'playwright-core';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { indexSeededCustomers } from '../support/customer-search';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-custrecords');
const ADMIN_PHONE = '13700000771';
const CUSTOMER = 'wmE2eCustomerRecords01';

/** "最近更新：YYYY-MM-DD HH:mm:ss，同步 X 条信息" (R-3.2.1-03). */
const LAST_SYNC_LINE = /^最近更新：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，同步 (\d+) 条信息$/;

/** 客户详情 → 联系记录 (R-3.1.3-06) and 客户群 → 同步 with its 最近更新 line (R-3.2.1-03, I-54) in Chromium. */
describe('客户详情 联系记录 and the 客户群 同步 line end to end in Chromium', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-customer-records');
    corp = await simulator.createCorp('联系记录端到端企业');
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: ADMIN_PHONE,
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000772',
      department: [1],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await simulator.addCustomer(corp.corpId, { userid: 'lina', name: '记录客户', external_userid: CUSTOMER });
    await customerScenario.createGroupChat(corp.corpId, {
      name: '联系记录客户群',
      owner: 'lina',
      members: [{ userid: 'lina' }, { userid: CUSTOMER, type: 2 }],
    });
    const follows = [
      { userid: 'lina', addedAt: new Date('2026-11-01T02:03:00Z'), tagIds: [], remarkMobiles: [], addWay: 1 },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: CUSTOMER,
      name: '记录客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows, undefined),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    // A record 李娜 wrote in the H5 sidebar: the admin reads the same timeline.
    await ContactRecordModel.create({
      tenantId: TENANT,
      externalUserid: CUSTOMER,
      kind: 'record',
      text: '侧边栏记下的客户意向',
      creator: { staffId: '000000000000000000000000', userid: 'lina', name: '李娜' },
    });
    await app.startWorker();
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('客户详情 → 联系记录 shows the sidebar’s record, and a record written here goes on top', async () => {
    await page.goto(`${app.baseUrl}/customer/customers`);
    await page.getByTestId(`customer-row-${CUSTOMER}`).getByTestId('customer-view').click();
    await page.getByRole('tab', { name: '联系记录' }).click();

    const texts = page.getByTestId('record-item-text');
    await texts.getByText('侧边栏记下的客户意向').waitFor();
    await page.getByTestId('record-text').fill('后台补记：客户要年付报价');
    await page.getByTestId('record-send').click();
    await texts.getByText('后台补记：客户要年付报价').waitFor();
    expect(await texts.allTextContents()).toEqual(['后台补记：客户要年付报价', '侧边栏记下的客户意向']);

    await page.getByRole('tab', { name: '转客服记录' }).click();
    await page.getByText('暂无转客服记录').waitFor();
  }, 90_000);

  it('客户群 → 同步 loads until the sync ends, then shows 最近更新 with the groups it synced', async () => {
    await page.goto(`${app.baseUrl}/customer/groups`);
    const button = page.getByTestId('group-sync');
    await button.waitFor();
    expect(await page.getByTestId('group-last-sync').count()).toBe(0);

    await button.click();
    await page.locator('[data-testid="group-sync"].ant-btn-loading').waitFor();
    const line = page.getByTestId('group-last-sync');
    await line.filter({ hasText: LAST_SYNC_LINE }).waitFor({ timeout: 60_000 });
    expect((await line.textContent())?.trim().match(LAST_SYNC_LINE)?.[1]).toBe('1');
    await page.locator('[data-testid="group-sync"]:not(.ant-btn-loading)').waitFor();
    await page.getByText('联系记录客户群').waitFor();
  }, 90_000);
});

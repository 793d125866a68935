import type { Browser, Page } from 'playwright-core';
import { indexSeededCustomers } from '../support/customer-search';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-cust');
const PHONE = '13700000451';

describe('an admin tags a customer in the 客户 list and WeCom has the tag (end to end, in Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let corpId = '';
  let externalUserid = '';

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-customers');
    const corp = await simulator.createCorp('客户端到端企业');
    corpId = corp.corpId;
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await simulator.addUser(corpId, {
      userid: 'seller',
      name: '销售小王',
      mobile: '13700000452',
      department: [1],
    });
    await StaffModel.create({
      tenantId: TENANT,
      userid: 'seller',
      name: '销售小王',
      departmentIds: [1],
      roleId: roles.staff,
    });
    externalUserid = (await simulator.addCustomer(corpId, { userid: 'seller', name: '端到端客户' })).customer
      .external_userid;
    const group = await simulator.addCorpTags(corpId, { group_name: '意向', tag: [{ name: '高意向' }] });
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: group.tag_group.group_id,
      name: '意向',
      tags: group.tag_group.tag.map((tag) => ({ tagId: tag.id, name: tag.name })),
    });
    const follows = [{ userid: 'seller', addedAt: new Date(), tagIds: [], remarkMobiles: [], addWay: 1 }];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid,
      name: '端到端客户',
      follows,
      ...deriveCustomerFields(follows),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    await app.startWorker();
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('logs in, opens 客户, chooses the customer and tags it with + 打标签', async () => {
    await logIn(page, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await page.waitForURL('**/acquisition/group-codes');
    await page.goto(`${app.baseUrl}/customer/customers`);

    const row = page.getByTestId(`customer-row-${externalUserid}`);
    await row.getByText('端到端客户').waitFor();
    await expect(row.textContent()).resolves.toContain('@微信');
    await expect(row.textContent()).resolves.toContain('销售小王');
    await row.getByTestId('customer-select').locator('input').check();

    await page.getByTestId('customer-tag').click();
    await page.getByTestId('tag-add-select').click();
    await page.locator('nz-option-item', { hasText: '高意向' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText(/并已同步到企业微信/).waitFor({ timeout: 60_000 });

    const simTags = await eventually(async () => {
      const { follow_user } = await simulator.customer(corpId, externalUserid);
      const names = follow_user.find((f) => f.userid === 'seller')?.tags?.map((t) => t.tag_name) ?? [];
      return names.includes('高意向') ? names : undefined;
    });
    expect(simTags).toEqual(['高意向']);
  });

  it('shows the tag in the list once the user adds the 客户标签 column, remembered after a reload', async () => {
    await page.getByTestId('customer-columns').click();
    await page.getByTestId('column-tags').click();
    const row = page.getByTestId(`customer-row-${externalUserid}`);
    await row.getByTestId('customer-tags').getByText('高意向').waitFor();
    await page.reload();
    await page
      .getByTestId(`customer-row-${externalUserid}`)
      .getByTestId('customer-tags')
      .getByText('高意向')
      .waitFor();
  });

  it('adds the WeChat customer’s 企业信息 by hand in 客户详情 (R-3.1.2-10/11)', async () => {
    await page.getByTestId(`customer-row-${externalUserid}`).getByTestId('customer-view').click();
    await page.getByRole('tab', { name: '企业信息' }).click();
    await page.getByTestId('enterprise-add').click();
    await page.getByTestId('enterprise-fullName').fill('端到端贸易有限公司');
    await page.getByTestId('enterprise-phone').fill('010-8888 0000');
    await page.getByTestId('enterprise-save').click();
    await page.getByTestId('enterprise-info').getByText('端到端贸易有限公司').waitFor();
    await page.getByTestId('enterprise-info').getByText('010-8888 0000').waitFor();
    const stored = await CustomerModel.findOne({ tenantId: TENANT, externalUserid }).lean();
    expect(stored?.profile?.corpName).toBe('端到端贸易有限公司');
  });
});

import type { Browser, Page } from 'playwright-core';
import { indexSeededCustomers } from '../support/customer-search';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { CustomerModel } from '../../lib/models/customer.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { rotateArchiveKey } from '../support/archive-fixture';
import { clickUntilShown, launchBrowser, logIn } from '../support/browser';
import { archiveScenario, simulator, type SimCorp, simClientUrl } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('e2e-custchats');
const ADMIN_PHONE = '13700000751';
/** An id WeCom's archive reads as an external contact (wm + 16 or more characters). */
const CUSTOMER = 'wmE2eCustomerChats01';

/** 客户详情 → 企微会话记录 and the H5 side panel's chat list in Chromium. */
describe('企微会话记录 end to end in Chromium: 客户详情 and the H5 side panel', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let admin: Page;
  let sidebar: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-customer-chats');
    corp = await simulator.createCorp('企微会话记录端到端企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: ADMIN_PHONE,
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000752',
      department: [1],
    });
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000752',
      departmentIds: [1],
      roleId: roles.staff,
    });
    await simulator.addCustomer(corp.corpId, { userid: 'lina', name: '会话客户', external_userid: CUSTOMER });
    const follows = [
      { userid: 'lina', addedAt: new Date('2026-11-01T02:03:00Z'), tagIds: [], remarkMobiles: [], addWay: 1 },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: CUSTOMER,
      name: '会话客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows, undefined),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    await app.startWorker();
    await rotateArchiveKey([TENANT], corp.corpId);
    const now = Date.now();
    await archiveScenario.archiveMessage(corp.corpId, {
      from: CUSTOMER,
      tolist: ['lina'],
      msgtime: now - 120_000,
      msgtype: 'text',
      body: { content: '收到，谢谢' },
    });
    await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [CUSTOMER],
      msgtime: now - 60_000,
      msgtype: 'link',
      body: { title: '新版报价单', description: '请查收', link_url: 'https://example.com/q', image_url: '' },
    });
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/e2e`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    browser = await launchBrowser();
    admin = await browser.newPage();
    sidebar = await browser.newPage({ viewport: { width: 390, height: 844 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens 客户详情 → 企微会话记录, the chat, a 消息类型 and a keyword with the hit marked', async () => {
    await logIn(admin, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
    await admin.goto(`${app.baseUrl}/customer/customers`);
    await admin.getByTestId(`customer-row-${CUSTOMER}`).getByTestId('customer-view').click();
    await admin.getByRole('tab', { name: '企微会话记录' }).click();

    const chats = admin.getByTestId('customer-chats');
    const row = chats.getByTestId('archive-conversation');
    await row.getByText('李娜').waitFor();
    await row.click();
    const pane = chats.getByTestId('archive-pane');
    await pane.getByText('收到，谢谢').waitFor();
    await pane.getByText('新版报价单 请查收').waitFor();
    await pane.getByText('没有更多了').waitFor();

    await chats.getByTestId('customer-chats-msgtype').click();
    await admin.locator('nz-option-item', { hasText: '消息类型：链接' }).click();
    await pane.getByText('收到，谢谢').waitFor({ state: 'detached' });
    await pane.getByText('新版报价单 请查收').waitFor();

    await chats.getByTestId('customer-chats-keyword').fill('报价');
    await chats.getByTestId('customer-chats-keyword').press('Enter');
    const hit = chats.getByTestId('archive-hit');
    await hit.locator('mark', { hasText: '报价' }).waitFor();
    await hit.click();
    await pane.locator('mark', { hasText: '报价' }).waitFor();
  }, 90_000);

  it('shows the chat as a row of the H5 side panel’s 企微会话记录, and its messages', async () => {
    const open = simClientUrl(corp.corpId, {
      userid: 'lina',
      entry: 'single_chat_tools',
      externalUserid: CUSTOMER,
      url: `${app.baseUrl}/h5/customer?corpId=${corp.corpId}`,
    });
    await sidebar.goto(open);
    await sidebar.getByTestId('h5-customer-name').getByText('会话客户').waitFor();
    await sidebar.getByText('企微会话记录', { exact: true }).click();

    const row = sidebar.getByTestId('archive-conversation');
    await row.getByTestId('archive-conversation-name').getByText('李娜').waitFor();
    await row.getByTestId('archive-conversation-preview').getByText('新版报价单 请查收').waitFor();
    await row.click();
    await sidebar.getByTestId('archive-pane').getByText('收到，谢谢').waitFor();
    await clickUntilShown(sidebar.getByTestId('customer-chats-back'), row);
  }, 90_000);
});

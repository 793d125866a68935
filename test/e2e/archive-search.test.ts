import type { Browser, Page } from 'playwright-core';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { rotateArchiveKey } from '../support/archive-fixture';
import { launchBrowser, logIn } from '../support/browser';
import { archiveScenario, populateCustomerCorp, simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('e2e-archive');
const PHONE = '13700000651';

/** How 内容存档 shortens a WeCom id it has no name for. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 6)}…${id.slice(-4)}` : id);

describe('内容存档 end to end in Chromium: a staff member, a conversation, a keyword', () => {
  let app: TestApp;
  let browser: Browser;
  let admin: Page;
  let customer: string;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-archive-search');
    const corp = await simulator.createCorp('内容存档端到端企业');
    const built = await populateCustomerCorp(corp.corpId);
    customer = built.customers[0];
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await StaffModel.create({
      tenantId: TENANT,
      roleId: roles.staff,
      userid: 'lina',
      name: '销售1',
      mobile: '13700000652',
      departmentIds: [1],
    });
    await app.startWorker();
    await rotateArchiveKey([TENANT], corp.corpId);
    await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [built.customers[0]],
      msgtype: 'text',
      body: { content: '您好，这是新版报价单，请查收' },
    });
    await archiveScenario.archiveMessage(corp.corpId, {
      from: built.customers[0],
      tolist: ['lina'],
      msgtype: 'text',
      body: { content: '收到，谢谢' },
    });
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/e2e`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });
    browser = await launchBrowser();
    admin = await browser.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens 内容存档, chooses 销售1 and the chat, and finds 报价 highlighted', async () => {
    await logIn(admin, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await admin.goto(`${app.baseUrl}/archive/messages`);

    await admin.getByTestId('archive-staff-lina').click();
    await admin.getByTestId('archive-conversation').first().click();
    const pane = admin.getByTestId('archive-pane');
    await pane.getByText('收到，谢谢').waitFor();
    await pane.getByText('您好，这是新版报价单，请查收').waitFor();
    await pane.getByText('没有更多了').waitFor();

    await admin.getByTestId('archive-keyword').fill('报价');
    await admin.getByTestId('archive-keyword').press('Enter');
    const hit = admin.getByTestId('archive-hit');
    await hit.locator('mark', { hasText: '报价' }).waitFor();
    // The customer is not synced yet: the hit and the pane's header say so by name, not by conversation key.
    const unknownCustomer = `未知客户（${shortId(customer)}）`;
    expect(await hit.getByTestId('archive-hit-chat').innerText()).toBe(`销售1 与 ${unknownCustomer}`);
    await hit.click();
    await pane.locator('mark', { hasText: '报价' }).waitFor();
    expect(await admin.getByTestId('archive-conversation-title').innerText()).toBe(unknownCustomer);
  }, 60_000);
});

import type { Browser, Page } from 'playwright-core';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { startTestApp, type TestApp } from '../support/app-harness';
import { rotateArchiveKey } from '../support/archive-fixture';
import { launchBrowser, logIn } from '../support/browser';
import { refreshCustomerSearch } from '../support/customer-search';
import { refreshListSearch } from '../support/list-search';
import { archiveScenario, customerScenario, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-xss');
const ADMIN_PHONE = '13700000881';

/** Markup a WeCom user can type into a name or a message: shown, it must stay text and never run. */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';
const GROUP_IMG = `群A${IMG}`;
const GROUP_SCRIPT = `群B${SCRIPT}`;

/**
 * Names and texts the admin shows come from WeCom, where anyone outside the company writes them (a customer's
 * WeChat name, a group's name, what a customer says). Planted there, synced in as the product syncs them, and
 * opened where the admin shows them: nothing runs, no dialog opens, the markup reads as the text it is.
 */
describe('markup planted in WeCom names and messages stays text in the admin (Chromium)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  let imgCustomer = '';
  let scriptCustomer = '';
  let imgGroup = '';
  let scriptGroup = '';

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-xss-planting');
    corp = await simulator.createCorp('标记注入端到端企业');
    // Department names cannot hold < > in WeCom (errcode 60009), so none is planted there.
    await simulator.addDepartment(corp.corpId, { id: 2, name: '销售部', parentid: 1 });
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: ADMIN_PHONE,
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: `李娜${SCRIPT}`,
      mobile: '13700000882',
      department: [2],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    imgCustomer = (await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: IMG, add_way: 1 }))
      .customer.external_userid;
    scriptCustomer = (
      await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: SCRIPT, add_way: 1 })
    ).customer.external_userid;
    for (const [name, set] of [
      [GROUP_IMG, (id: string) => (imgGroup = id)],
      [GROUP_SCRIPT, (id: string) => (scriptGroup = id)],
    ] as const) {
      const { group_chat } = await customerScenario.createGroupChat(corp.corpId, {
        name,
        owner: 'lina',
        members: [{ userid: 'lina' }, { userid: imgCustomer, type: 2 }, { userid: scriptCustomer, type: 2 }],
      });
      set(group_chat.chat_id);
    }

    await app.startWorker();
    for (const workflowType of [
      'orgSyncWorkflow',
      'customerSyncWorkflow',
      'customerGroupSyncWorkflow',
    ] as const)
      await executeWorkflow(app.temporal.workflow, workflowType, {
        workflowId: `${workflowType}/${TENANT}`,
        taskQueue: app.config.temporalTaskQueue,
        args: [{ tenantId: TENANT, trigger: 'schedule' }],
      });
    await refreshCustomerSearch(app.config);
    await refreshListSearch(app);

    await rotateArchiveKey([TENANT], corp.corpId);
    const now = Date.now();
    await archiveScenario.archiveMessage(corp.corpId, {
      from: imgCustomer,
      tolist: ['lina'],
      msgtime: now - 120_000,
      msgtype: 'text',
      body: { content: `报价 ${IMG}` },
    });
    await archiveScenario.archiveMessage(corp.corpId, {
      from: 'lina',
      tolist: [imgCustomer],
      msgtime: now - 60_000,
      msgtype: 'text',
      body: { content: `报价 ${SCRIPT}` },
    });
    await archiveScenario.archiveMessage(corp.corpId, {
      from: scriptCustomer,
      tolist: ['lina', imgCustomer],
      roomid: imgGroup,
      msgtime: now - 30_000,
      msgtype: 'text',
      body: { content: `群里 ${IMG}` },
    });
    await executeWorkflow(app.temporal.workflow, 'archiveIngestWorkflow', {
      workflowId: `archive-ingest/${TENANT}/e2e`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT }],
    });

    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logIn(page, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Nothing planted ran in this document (each page.goto starts a new one, so check before leaving). */
  async function expectNothingRan(where: string): Promise<void> {
    // An <img> with a broken src fires onerror a moment after it is in the DOM.
    await page.waitForTimeout(300);
    expect([where, await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)]).toEqual([
      where,
      undefined,
    ]);
    expect([where, dialogs]).toEqual([where, []]);
    expect([where, await page.locator('img[src="x"], script:not([src])').count()]).toEqual([where, 0]);
  }

  it('客户 list and 客户详情 show the customers’ names as text', async () => {
    await page.goto(`${app.baseUrl}/customer/customers`);
    for (const [id, name] of [
      [imgCustomer, IMG],
      [scriptCustomer, SCRIPT],
    ]) {
      const row = page.getByTestId(`customer-row-${id}`);
      await row.getByText(name).first().waitFor();
      await row.getByTestId('customer-view').click();
      const detail = page.getByTestId('customer-detail');
      await detail.getByText(name).first().waitFor();
      await expectNothingRan(`客户详情 ${name}`);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
    }
    await expectNothingRan('客户');
  }, 90_000);

  it('客户群 list and 群画像 show the groups’ names as text', async () => {
    await page.goto(`${app.baseUrl}/customer/groups`);
    for (const [id, name] of [
      [imgGroup, GROUP_IMG],
      [scriptGroup, GROUP_SCRIPT],
    ]) {
      const row = page.getByTestId(`group-row-${id}`);
      await row.getByText(name, { exact: true }).waitFor();
      await row.getByTestId('group-portrait').click();
      const intro = page.getByTestId('group-intro');
      await intro.getByText(name, { exact: true }).waitFor();
      await expectNothingRan(`群画像 ${name}`);
      await page.keyboard.press('Escape');
      await intro.waitFor({ state: 'detached' });
    }
    await expectNothingRan('客户群');
  }, 90_000);

  it('内容存档 shows the staff, customer and group names and the messages as text, hits too', async () => {
    await page.goto(`${app.baseUrl}/archive/messages`);
    const staff = page.getByTestId('archive-staff-lina');
    await staff.getByText(`李娜${SCRIPT}`, { exact: true }).waitFor();
    await staff.click();

    const withCustomer = page
      .getByTestId('archive-conversation')
      .filter({ hasText: IMG })
      .filter({ hasNotText: GROUP_IMG });
    await withCustomer.click();
    const pane = page.getByTestId('archive-pane');
    await pane.getByText(`报价 ${IMG}`, { exact: true }).waitFor();
    await pane.getByText(`报价 ${SCRIPT}`, { exact: true }).waitFor();
    await expectNothingRan('内容存档 单聊');

    // The hits mark the keyword by cutting the text around it: the pieces stay text too.
    await page.getByTestId('archive-keyword').fill('window');
    await page.getByTestId('archive-keyword').press('Enter');
    const hits = page.getByTestId('archive-hit');
    await hits.locator('mark', { hasText: 'window' }).first().waitFor();
    await expectNothingRan('内容存档 搜索');
    await hits.filter({ hasText: '群里' }).click();
    // The marked keyword splits the bubble's text, and the template's whitespace goes between the pieces.
    const bubble = pane.getByTestId('archive-message').filter({ hasText: '群里' }).locator('.bubble');
    await bubble.locator('mark', { hasText: 'window' }).waitFor();
    expect((await bubble.textContent())?.replace(/\s+/g, '')).toBe(`群里${IMG}`.replace(/\s+/g, ''));
    expect(await page.getByTestId('archive-conversation-title').innerText()).toBe(GROUP_IMG);
    await expectNothingRan('内容存档 群聊');
  }, 90_000);
});

import type { Browser, Page } from 'playwright-core';
import { CustomerLossModel } from '../../lib/models/customer-loss.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { untilListed } from '../support/list-search';
import { customerScenario, simulator, type SimCorp } from '../support/sim-client';
import {
  ADMIN_PASSWORD,
  connectCustomersCallback,
  createBoundTenant,
  freshTenantId,
} from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-losses');
const ADMIN_PHONE = '13700000781';

/**
 * 客户管理 → 流失客户 (issue 19 item 3) in Chromium: the simulator ends two relations, one each way; the list
 * shows both, 流失方式 narrows it, 导出 sends the filters in force, and 流失提醒设置 saves through the PUT.
 */
describe('流失客户 and 流失提醒设置 end to end in Chromium', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-customer-losses');
    corp = await simulator.createCorp('流失客户端到端企业');
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: ADMIN_PHONE,
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000782',
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'boss',
      name: '王经理',
      mobile: '13700000783',
      department: [1],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    expect((await connectCustomersCallback(TENANT, corp, app.baseUrl)).verified).toBe(true);
    await app.startWorker();
    // The members as staff: 员工 shows their names, and 通知的管理者 picks among them.
    await executeWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/e2e-losses`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'initial' }],
    });

    const zhang = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '张三' });
    const li = await customerScenario.addCustomer(corp.corpId, { userid: 'lina', name: '李四' });
    await eventually(
      async () => (await CustomerModel.countDocuments({ tenantId: TENANT, active: true })) === 2,
    );
    await customerScenario.endRelation(corp.corpId, zhang.customer.external_userid, 'lina', 'customer');
    await customerScenario.endRelation(corp.corpId, li.customer.external_userid, 'lina', 'member');
    await eventually(async () => (await CustomerLossModel.countDocuments({ tenantId: TENANT })) === 2);
    await untilListed(app, 'customer-losses', TENANT, 2);

    browser = await launchBrowser();
    page = await browser.newPage({ timezoneId: 'Asia/Shanghai' });
    await logIn(page, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('lists both losses, narrows by 流失方式, and 导出 sends the filters in force', async () => {
    await page.goto(`${app.baseUrl}/customer/losses`);
    const rows = page.getByTestId('loss-row');
    await rows.nth(1).waitFor();
    expect((await page.getByTestId('loss-customer').allTextContents()).map((t) => t.trim()).sort()).toEqual([
      '张三',
      '李四',
    ]);

    await page.getByTestId('loss-kind-filter').click();
    await page.locator('nz-option-item').getByText('员工删除客户', { exact: true }).click();
    await page.getByTestId('loss-search').click();
    await rows.filter({ hasText: '张三' }).waitFor({ state: 'detached' });
    expect((await page.getByTestId('loss-customer').allTextContents()).map((t) => t.trim())).toEqual([
      '李四',
    ]);
    expect((await page.getByTestId('loss-kind').textContent())?.trim()).toBe('员工删除客户');
    expect((await page.getByTestId('loss-staff').textContent())?.trim()).toBe('李娜');

    const href = await page.getByTestId('loss-export').getAttribute('href');
    expect(href).toBe('/api/customer-losses/export?kind=deleted_by_staff');
    const exported = await page.request.get(`${app.baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');
  }, 90_000);

  it('流失提醒设置 saves 通知员工本人 and 通知的管理者', async () => {
    await page.goto(`${app.baseUrl}/customer/losses`);
    await page.getByTestId('loss-alert-settings').click();
    const member = page.getByTestId('loss-alert-notify-member');
    await member.waitFor();
    await member.click();
    await page.getByTestId('loss-alert-managers').click();
    await page.locator('nz-option-item').getByText('王经理', { exact: true }).click();
    // A multiple select stays open after a pick: a click on the title closes it.
    await page.locator('.ant-modal-title').click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('保存成功').waitFor();

    const saved = await page.request.get(`${app.baseUrl}/api/customer-loss-alert-settings`);
    expect(await saved.json()).toEqual({ enabled: true, notifyMember: false, managerUserids: ['boss'] });
  }, 90_000);
});

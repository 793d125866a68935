import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../lib/auth/password-hash';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('console');

describe('a platform operator opens and adjusts a tenant in the 系统管理操作后台 (in Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-platform');
    await app.startWorker();
    await PlatformAdminModel.create({
      _id: 'operator',
      name: '运营小王',
      passwordHash: await hashPassword('Operator@123'),
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('keeps the console behind its own login', async () => {
    await page.goto(`${app.baseUrl}/platform/tenants`);
    await page.waitForURL('**/platform/login');
    await page.getByTestId('platform-username').fill('operator');
    await page.getByTestId('platform-password').fill('wrong');
    await page.getByTestId('platform-login-submit').click();
    await page.getByTestId('platform-login-error').getByText('账号或密码有误').waitFor();

    await page.getByTestId('platform-password').fill('Operator@123');
    await page.getByTestId('platform-login-submit').click();
    await page.waitForURL('**/platform/tenants');
    await page.getByTestId('platform-operator').getByText('运营小王').waitFor();
  });

  it('opens a tenant whose super admin can then log in, and changes its seats', async () => {
    await page.getByTestId('tenant-open').click();
    await page.getByTestId('tenant-id').fill('Bad Id');
    await page.getByTestId('tenant-name').fill('控制台企业');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('企业标识为 2-32 位小写字母、数字或短横线').waitFor();

    await page.getByTestId('tenant-id').fill(TENANT);
    await page.getByTestId('tenant-admin-name').fill('控制台管理员');
    await page.getByTestId('tenant-admin-mobile').fill('13700000071');
    await page.getByTestId('tenant-admin-password').fill('Console@123');
    await page.getByRole('button', { name: '确定' }).click();

    const row = page.getByTestId(`tenant-row-${TENANT}`);
    await row.getByText('控制台企业').waitFor();
    await row.getByText('生效中').waitFor();
    await row.getByText(/\/10$/).waitFor();

    await page.getByTestId(`tenant-change-${TENANT}`).click();
    await page.getByTestId('tenant-seats').locator('input').fill('25');
    await page.getByRole('button', { name: '确定' }).click();
    await row.getByText(/\/25$/).waitFor();

    const admin = await browser.newPage();
    await logIn(admin, app.baseUrl, '13700000071', 'Console@123');
    // The super admin may see everything, so they land on the first menu item (I-11).
    await admin.waitForURL('**/acquisition/group-codes');
    await admin.close();
  });

  it('logs the operator out', async () => {
    await page.getByTestId('platform-logout').click();
    await page.waitForURL('**/platform/login');
    await page.goto(`${app.baseUrl}/platform/tenants`);
    await page.waitForURL('**/platform/login');
  });
});

import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../lib/auth/password-hash';
import { PlatformAdminModel } from '../../lib/models/platform-admin.model';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/browser';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-qr');

describe('扫码登录 through the simulator, then 企微绑定 (end to end, in Chromium)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-qr');
    corp = await simulator.createCorp('扫码端到端企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    await simulator.addUser(corp.corpId, {
      userid: 'admin',
      name: '管理员',
      mobile: '13700000601',
      department: [1],
    });
    await simulator.addUser(corp.corpId, {
      userid: 'off',
      name: '未开通',
      mobile: '13700000602',
      department: [1],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: '13700000601' });
    await StaffModel.create({ tenantId: TENANT, userid: 'off', name: '未开通', mobile: '13700000602' });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function scanOnSimulatorAs(userid: string): Promise<void> {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByText('扫码登录', { exact: true }).click();
    await page.getByTestId('qr-corp-id').fill(corp.corpId);
    await page.getByTestId('qr-start').click();
    // The simulator's WeCom login page: choosing a member stands for confirming the scan on the phone.
    await page.waitForURL('**/wwlogin/sso/login?**');
    await page.getByTestId(`sim-login-member-${userid}`).click();
  }

  it('sends a member without 开启系统 back to the login page with 号码失效，请联系管理员', async () => {
    await scanOnSimulatorAs('off');
    await page.waitForURL('**/login?**');
    await page.getByTestId('qr-error').getByText('号码失效，请联系管理员').waitFor();
  });

  it('logs a 开启系统 member in by QR and lands in the admin', async () => {
    await scanOnSimulatorAs('admin');
    // The super admin lands on the first menu (I-11).
    await page.waitForURL('**/acquisition/group-codes');
    await expect(page.getByTestId('header-user').textContent()).resolves.toContain('管理员');
  });

  it('shows the binding masked, with the callback settings, and runs 体检', async () => {
    await page.goto(`${app.baseUrl}/system/wecom`);
    await page.getByText(`已保存（********${corp.secrets.contacts.slice(-4)}），留空则不修改`).waitFor();
    await expect(page.getByTestId('wecom-contacts-事件回调URL').textContent()).resolves.toBe(
      `${app.baseUrl}/wecom/callback/${TENANT}/contacts`,
    );
    expect(await page.content()).not.toContain(corp.secrets.contacts);

    await page.getByTestId('wecom-doctor').click();
    await page.getByTestId('doctor-secret.contacts').getByText('可以获取 access_token').waitFor();
    await page
      .getByTestId('doctor-callback.customers')
      .getByText('echostr 校验通过', { exact: false })
      .waitFor();
    await page.getByTestId('wecom-health').getByText('通讯录 access_token').waitFor();
  });

  it('生成密钥对 fills a new key version and shows the public key to upload', async () => {
    await page.getByTestId('wecom-generate-key').click();
    await page
      .getByTestId('wecom-generated-public-key')
      .getByText('BEGIN RSA PUBLIC KEY', { exact: false })
      .waitFor();
    await expect(page.getByTestId('wecom-archive-key-0').inputValue()).resolves.toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----/,
    );
    await page.getByTestId('wecom-cancel').click();
    // 取消 reloads the saved binding, which has no archive key: the generated row goes once it is back.
    await page.getByTestId('wecom-archive-key-0').waitFor({ state: 'detached' });
    await expect(page.getByTestId('wecom-generated-public-key').count()).resolves.toBe(0);
  });

  it("shows WeCom's refusal next to the secret that failed and keeps the saved binding", async () => {
    await page.getByText(`已保存（********${corp.secrets.app.slice(-4)}），留空则不修改`).waitFor();
    await page.getByTestId('wecom-appSecret').fill('not-the-app-secret');
    await page.getByTestId('wecom-save').click();
    await page.getByText('应用Secret校验失败（企业微信返回 40001', { exact: false }).waitFor();
    await page.getByTestId('wecom-cancel').click();
    await page.getByText(`已保存（********${corp.secrets.app.slice(-4)}），留空则不修改`).waitFor();
  });

  it("an operator reads the tenant's WeCom health in the 系统管理操作后台", async () => {
    await PlatformAdminModel.create({
      _id: 'op-e2e-health',
      name: '运营',
      passwordHash: await hashPassword('Operator@123'),
    });
    await page.goto(`${app.baseUrl}/platform/login`);
    await page.getByTestId('platform-username').fill('op-e2e-health');
    await page.getByTestId('platform-password').fill('Operator@123');
    await page.getByTestId('platform-login-submit').click();
    await page.waitForURL('**/platform/tenants');
    await page.getByTestId(`tenant-wecom-health-${TENANT}`).click();
    await page.getByTestId('tenant-wecom-health').getByText('调用（近 24 小时）').waitFor();
    await page.getByTestId('tenant-wecom-health').getByText('通讯录 access_token').waitFor();
  });

  it('修改密码 from the header needs the current password when one is set (I-10)', async () => {
    await page.goto(`${app.baseUrl}/system/wecom`);
    await page.getByTestId('own-password').click();
    await page.getByTestId('own-password-current').fill('wrong-password');
    await page.getByTestId('own-password-new').fill('Changed@2026');
    await page.getByTestId('own-password-confirm').fill('Changed@2026');
    await page.getByRole('button', { name: '保存' }).last().click();
    await page.getByTestId('own-password-error').getByText('当前密码输入有误').waitFor();
    await page.getByTestId('own-password-current').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '保存' }).last().click();
    await page.getByText('密码已保存，其他设备上的登录已退出').waitFor();
  });
});

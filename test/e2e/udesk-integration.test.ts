import type { Browser, Page } from 'playwright-core';
import { UdeskIntegrationModel } from '../../lib/models/udesk-integration.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { ADMIN_PASSWORD, createTenant, freshTenantId } from '../support/tenant-fixture';
import { createUdeskCompany, udeskBaseUrl, type SimUdeskCompany } from '../support/udesk-sim';

const TENANT = freshTenantId('e2e-udesk');
const PHONE = '13700000821';

/** 系统对接 (R-7.5, I-109) in Chromium: the card, 对接 Udesk, Udesk's refusal, then 确定 with the right token. */
describe('系统对接 end to end in Chromium: card → 对接 Udesk → 确定 → 已开启', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let udesk: SimUdeskCompany;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-udesk', { UDESK_BASE_URL: udeskBaseUrl() });
    udesk = await createUdeskCompany(`e2e-${Date.now().toString(36)}.udesk.cn`, 'admin@udesk-e2e.cn');
    await createTenant(TENANT, 'Udesk端到端企业', { adminMobile: PHONE });
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets Udesk up from the card, shows Udesk’s refusal of a wrong token, and switches it off and on', async () => {
    await logIn(page, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/system/integrations`);
    await page
      .getByTestId('integrations-intro')
      .getByText('您可以在此对接第三方系统，开启后可在微丰中使用对应系统的能力')
      .waitFor();
    const card = page.getByTestId('integration-udesk');
    await card.getByText('UDESK').waitFor();
    await card.getByTestId('integration-status').getByText('未开启').waitFor();

    await card.getByTestId('integration-open').click();
    await page.waitForURL('**/system/integrations/udesk');
    await page.getByTestId('udesk-back').getByText('对接 Udesk').waitFor();
    await page.getByText('基本设置').waitFor();

    // A wrong token: Udesk's own error under the form, and nothing saved.
    await page.getByTestId('udesk-domain').fill(`https://${udesk.domain}/`);
    await page.getByTestId('udesk-email').fill(udesk.adminEmail);
    await page.getByTestId('udesk-token').fill('not-the-token');
    await page.getByTestId('udesk-save').click();
    await page
      .getByTestId('udesk-rejection')
      .getByText('Udesk校验未通过（Udesk返回 2005 签名验证失败），请检查超管邮箱和API鉴权Token')
      .waitFor();
    expect(await UdeskIntegrationModel.countDocuments({ tenantId: TENANT })).toBe(0);

    // The right token: saved and switched on; the page shows it masked only.
    await page.getByTestId('udesk-token').fill(udesk.apiToken);
    await page.getByTestId('udesk-save').click();
    await page.getByText('对接成功，已开启').waitFor();
    await page.getByTestId('udesk-status').getByText('已开启').waitFor();
    await page.getByText(`已保存（********${udesk.apiToken.slice(-4)}），留空则不修改`).waitFor();
    expect(await page.getByTestId('udesk-token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(udesk.apiToken);

    // Back on the list: 已开启; the card's switch turns it off, and on again.
    await page.getByTestId('udesk-cancel').click();
    await page.waitForURL('**/system/integrations');
    await card.getByTestId('integration-status').getByText('已开启').waitFor();
    await card.getByTestId('integration-switch').click();
    await card.getByTestId('integration-status').getByText('未开启').waitFor();
    await card.getByTestId('integration-switch').click();
    await card.getByTestId('integration-status').getByText('已开启').waitFor();
    const saved = await UdeskIntegrationModel.findOne({ tenantId: TENANT, _id: TENANT }).lean();
    expect(saved).toMatchObject({ domain: udesk.domain, adminEmail: udesk.adminEmail, enabled: true });
  });
});

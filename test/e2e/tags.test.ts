import type { Browser, Page } from 'playwright-core';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn, openFromMenu } from '../support/browser';
import { simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-tags');
const ADMIN_PHONE = '13700000501';

describe('标签管理 end to end: a 企业微信标签 made in the admin reaches WeCom (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let corp: SimCorp;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-tags');
    corp = await simulator.createCorp('标签端到端企业');
    await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await app.startWorker();
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const modal = () => page.locator('.ant-modal-content');
  const confirm = () =>
    modal()
      .getByRole('button', { name: /确\s*定/ })
      .click();

  it('添加标签组 with its first tag, then 添加标签 in red; WeCom has both, the colour stays here', async () => {
    await logIn(page, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
    await page.waitForURL('**/acquisition/group-codes');
    await openFromMenu(page, '系统配置', '标签管理', '**/system/tags');
    await page.getByTestId('tag-groups-empty').waitFor();

    await page.getByTestId('tag-group-create').click();
    await modal().getByText('添加标签组').waitFor();
    await page.getByTestId('tag-group-name').fill('客户意向');
    await page.getByTestId('tag-name').fill('高意向');
    await confirm();
    const row = page.getByTestId('tag-group-客户意向');
    await row.getByTestId('tag-高意向').waitFor();

    await row.getByTestId('tag-create').click();
    await modal().getByText('添加标签').waitFor();
    await page.getByTestId('tag-name').fill('待跟进');
    await page.getByTestId('tag-color').getByLabel('红色').click();
    await confirm();
    await row.getByTestId('tag-待跟进').waitFor();

    const group = await eventually(async () => {
      const found = (await simulator.corpTags(corp.corpId)).tag_group.find(
        (g) => g.group_name === '客户意向',
      );
      return found?.tag.length === 2 ? found : undefined;
    });
    expect(group.tag.map((tag) => tag.name)).toEqual(['高意向', '待跟进']);
    // Once written, the page shows no pending mark after a reload.
    await eventually(async () => {
      await page.reload();
      await row.getByTestId('tag-待跟进').waitFor();
      return (await page.getByTestId('tag-group-pending').count()) === 0;
    });
    const color = await row.getByTestId('tag-待跟进').getAttribute('style');
    expect(color).toContain('rgb(245, 34, 45)');
  });
});

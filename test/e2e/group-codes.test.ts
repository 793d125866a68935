import type { Browser, Page } from 'playwright-core';
import { businessDay } from '../../lib/org/manual-sync-quota';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { customerScenario, simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-gc');
const PHONE = '13700000551';

describe('群活码 end to end in Chromium: create with two groups (溢出, 2 each), scan five times', () => {
  let app: TestApp;
  let browser: Browser;
  let admin: Page;
  let corpId = '';
  const joinQrs: Buffer[] = [];

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-group-codes');
    const corp = await simulator.createCorp('群活码端到端企业');
    corpId = corp.corpId;
    await simulator.addUser(corpId, {
      userid: 'owner',
      name: '群主',
      mobile: '13700000552',
      department: [1],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    // Two simulated customer groups; their join QR images are what the owner saves and uploads.
    for (const name of ['A群', 'B群']) {
      const chat = await customerScenario.createGroupChat(corpId, { name, owner: 'owner' });
      joinQrs.push(await customerScenario.groupJoinQr(corpId, chat.group_chat.chat_id));
    }
    await app.startWorker();
    browser = await launchBrowser();
    admin = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function addGroup(name: string, qr: Buffer) {
    await admin.getByTestId('add-group').click();
    const dialog = admin.getByTestId('group-dialog');
    await dialog
      .getByTestId('group-qr-file')
      .setInputFiles({ name: `${name}.png`, mimeType: 'image/png', buffer: qr });
    await dialog.locator('img.thumb').waitFor();
    await dialog.getByTestId('group-name').fill(name);
    const date = dialog.getByTestId('group-expires').locator('input');
    await date.click();
    await date.fill(businessDay(new Date(Date.now() + 2 * 24 * 3600 * 1000)));
    await date.press('Enter');
    await dialog.getByTestId('group-limit').locator('input').fill('2');
    await admin.locator('.ant-modal-footer .ant-btn-primary').click();
    await admin.getByTestId('wizard-groups').getByText(name, { exact: true }).waitFor();
  }

  it('hands out A, A, B, B, then says no group is available, and the list shows 异常', async () => {
    await logIn(admin, app.baseUrl, PHONE, ADMIN_PASSWORD);
    await admin.waitForURL('**/acquisition/group-codes');

    await admin.getByTestId('group-code-new').click();
    await admin.getByTestId('code-name').fill('周年庆进群');
    await admin.getByTestId('code-scene').fill('门店海报');
    await admin.getByTestId('code-strategy').click();
    await admin.locator('.ant-select-item-option', { hasText: '溢出策略' }).click();
    await admin.getByTestId('code-guide').fill('扫码进群领优惠券');
    // The phone preview follows the form as it is typed (R-2.1.2-09/10).
    await admin.getByTestId('code-preview').getByText('扫码进群领优惠券').waitFor();
    await admin.getByTestId('wizard-next').click();

    await admin.getByTestId('wizard-groups').getByText('暂无数据').waitFor();
    await addGroup('A群', joinQrs[0]!);
    await addGroup('B群', joinQrs[1]!);
    await admin.getByTestId('wizard-create').click();
    const link = (await admin.getByTestId('done-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`/group-code/${TENANT}/[0-9a-f]{24}$`));

    const seen: string[] = [];
    for (let scan = 0; scan < 5; scan++) {
      const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
      await phone.goto(link);
      await phone.getByTestId('landing-name').getByText('周年庆进群').waitFor();
      const outcome = phone.getByTestId('landing-group-name').or(phone.getByTestId('landing-empty'));
      await outcome.waitFor();
      if (await phone.getByTestId('landing-group-name').isVisible()) {
        expect(await phone.getByTestId('landing-guide').textContent()).toBe('扫码进群领优惠券');
        // The group's QR image loads from the public endpoint.
        await phone.waitForFunction(() => {
          const img = (
            globalThis as unknown as { document: { querySelector(s: string): unknown } }
          ).document.querySelector('[data-testid="landing-qr"]') as { naturalWidth?: number } | null;
          return Boolean(img?.naturalWidth);
        });
        seen.push((await phone.getByTestId('landing-group-name').textContent())!.trim());
      } else {
        seen.push((await phone.getByTestId('landing-empty').textContent())!.trim());
      }
      await phone.close();
    }
    expect(seen).toEqual(['A群', 'A群', 'B群', 'B群', '群已满或二维码已过期，请联系工作人员']);

    await admin.getByTestId('done-back').click();
    await admin.waitForURL('**/acquisition/group-codes');
    const row = admin.locator('[data-testid^="group-code-row-"]', { hasText: '周年庆进群' });
    await row.getByTestId('group-code-status').getByText('异常').waitFor();
    expect((await row.getByTestId('group-code-scans').textContent())!.trim()).toBe('5');

    await row.getByTestId('group-code-manage').click();
    await admin.getByTestId('code-groups-table').waitFor();
    expect((await admin.getByTestId('code-scan-count').textContent())!.trim()).toBe('5');
    for (const name of ['A群', 'B群']) {
      const group = admin.getByTestId(`code-group-${name}`);
      expect((await group.getByTestId('group-scan-count').textContent())!.trim()).toBe('2');
      expect((await group.getByTestId('group-state').textContent())!.trim()).toBe('已满');
    }
  });
});

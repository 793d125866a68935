import type { Browser, Page } from 'playwright-core';
import { indexSeededCustomers } from '../support/customer-search';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { ContactRecordModel } from '../../lib/models/contact-record.model';
import { CorpTagGroupModel } from '../../lib/models/corp-tag.model';
import { CustomerModel } from '../../lib/models/customer.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/browser';
import { customerScenario, simulator, type SimCorp, simClientUrl } from '../support/sim-client';
import { createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('e2e-h5');

/** `<input type="datetime-local">`'s value for a moment, in this machine's time zone (the browser's too). */
function localMinute(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe('the H5 sidebar opened from a chat in the (simulated) WeCom client, in Chromium', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-h5');
    await app.startWorker();
    corp = await simulator.createCorp('侧边栏端到端企业');
    await simulator.setApp(corp.corpId, { redirectDomain: '127.0.0.1' });
    for (const [userid, name, mobile] of [
      ['admin', '管理员', '13700000701'],
      ['lina', '李娜', '13700000702'],
      ['wang', '王强', '13700000703'],
    ]) {
      await simulator.addUser(corp.corpId, { userid, name, mobile, department: [1] });
    }
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: '13700000701' });
    for (const [userid, name, mobile] of [
      ['lina', '李娜', '13700000702'],
      ['wang', '王强', '13700000703'],
    ]) {
      await createMember(TENANT, {
        userid,
        name,
        mobile,
        roleId: roles.staff,
      });
    }
    // lina's customer, in WeCom as in our database (the sidebar tags it through WeCom's mark_tag).
    await simulator.addCustomer(corp.corpId, {
      userid: 'lina',
      name: '侧边栏客户',
      external_userid: 'wm-e2e-customer',
    });
    const follows = [
      { userid: 'lina', addedAt: new Date('2026-11-01T02:03:00Z'), tagIds: [], remarkMobiles: [], addWay: 1 },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: 'wm-e2e-customer',
      name: '侧边栏客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows, undefined),
    });
    await indexSeededCustomers(app.customerSearch, TENANT);
    const tagGroup = await simulator.addCorpTags(corp.corpId, {
      group_name: '意向程度',
      tag: [{ name: '高意向' }, { name: '低意向' }],
    });
    await CorpTagGroupModel.create({
      tenantId: TENANT,
      groupId: tagGroup.tag_group.group_id,
      name: '意向程度',
      tags: tagGroup.tag_group.tag.map((tag) => ({ tagId: tag.id, name: tag.name })),
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('knows the member and the customer, and adds a record with a reminder', async () => {
    // lina clicks the sidebar entry in a single chat with the customer.
    const sidebar = `${app.baseUrl}/h5/customer?corpId=${corp.corpId}`;
    const open = simClientUrl(corp.corpId, {
      userid: 'lina',
      entry: 'single_chat_tools',
      externalUserid: 'wm-e2e-customer',
      url: sidebar,
    });
    await page.goto(open);

    // OAuth signed lina in; the JS-SDK (agentConfig verified by the simulator) named the customer.
    await page.getByTestId('h5-customer-name').getByText('侧边栏客户').waitFor();
    await page.getByText('共1个员工，共0个群').waitFor();

    await page.getByText('联系记录', { exact: true }).click();
    await page.getByTestId('record-kind-reminder').click();
    await page.getByTestId('record-text').fill('明早回访侧边栏客户');
    await page.getByTestId('record-mentions').click();
    await page.locator('nz-option-item', { hasText: '王强' }).click();
    await page.keyboard.press('Escape');
    const remindAt = new Date(Date.now() + 2 * 60 * 60_000);
    await page.getByTestId('record-remind-at').fill(localMinute(remindAt));
    await page.getByTestId('record-send').click();

    await page.getByTestId('record-item-text').getByText('明早回访侧边栏客户').waitFor();
    const stored = await ContactRecordModel.findOne({
      tenantId: TENANT,
      externalUserid: 'wm-e2e-customer',
    }).lean();
    expect(stored).toMatchObject({ kind: 'reminder', mentionUserids: ['wang'], creator: { userid: 'lina' } });
    expect(stored?.remindAt?.toISOString()).toBe(new Date(localMinute(remindAt)).toISOString());

    // wang hears about it at once in 微丰小助手 (the app's messages).
    const mention = await eventually(async () =>
      (await simulator.appMessages(corp.corpId, 'wang')).messages.find((m) =>
        String(m.content.description).includes('明早回访侧边栏客户'),
      ),
    );
    expect(mention.content.title).toBe('李娜@了你');
  }, 90_000);

  it('edits the customer’s 电话 and 客户来源 from the sidebar', async () => {
    await page.getByText('客户资料', { exact: true }).click();
    await page.getByTestId('h5-edit').click();
    await page.getByTestId('h5-edit-phone').fill('13912345678');
    await page.getByTestId('h5-save').click();
    await page.getByTestId('h5-phone').getByText('13912345678').waitFor();
    const stored = await CustomerModel.findOne({
      tenantId: TENANT,
      externalUserid: 'wm-e2e-customer',
    }).lean();
    expect(stored?.profile?.phone).toBe('13912345678');
  }, 60_000);

  it('tags the customer from the side panel, and WeCom gets the tag', async () => {
    await page.getByText('客户资料', { exact: true }).click();
    await page.getByTestId('h5-edit-tags').click();
    await page.getByTestId('h5-tag-select').click();
    await page.locator('nz-option-item', { hasText: '高意向' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('h5-save-tags').click();
    await page.getByTestId('h5-tags').getByText('高意向').waitFor();

    const inWeCom = await eventually(async () => {
      const relation = (await simulator.customer(corp.corpId, 'wm-e2e-customer')).follow_user[0];
      return relation.tags?.length ? relation.tags : undefined;
    });
    expect(inWeCom.map((tag) => tag.tag_name)).toEqual(['高意向']);
  }, 60_000);

  it('shows the 客户群画像 of a group as the customer sync wrote it', async () => {
    // lina's group in WeCom: lina, her customer, and wang's customer the CRM has not synced.
    await simulator.addCustomer(corp.corpId, {
      userid: 'wang',
      name: '王强的客户',
      external_userid: 'wm-e2e-stranger',
    });
    const { group_chat } = await customerScenario.createGroupChat(corp.corpId, {
      name: '侧边栏客户群',
      owner: 'lina',
      members: [
        { userid: 'wm-e2e-customer', type: 2 },
        { userid: 'wm-e2e-stranger', type: 2 },
      ],
    });
    await executeWorkflow(app.temporal.workflow, 'customerGroupSyncWorkflow', {
      workflowId: `h5-group-sync/${TENANT}`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'schedule' }],
    });

    const sidebar = `${app.baseUrl}/h5/group?corpId=${corp.corpId}`;
    const open = simClientUrl(corp.corpId, {
      userid: 'lina',
      entry: 'group_chat_tools',
      chatId: group_chat.chat_id,
      url: sidebar,
    });
    await page.goto(open);

    await page.getByTestId('h5-group-name').getByText('侧边栏客户群').waitFor();
    const text = await page.locator('app-h5-group-page').innerText();
    expect(text).toContain('群外部人员（2）');
    expect(text).toContain('侧边栏客户、王强的客户');
    expect(text).toMatch(/群标签\s+暂无/);
  }, 90_000);
});

import type { Browser, Page } from 'playwright-core';
import { deriveCustomerFields } from '../../lib/customers/customer-derived';
import { CustomerModel } from '../../lib/models/customer.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { simulator, type SimCorp, simClientUrl } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId, createMember } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-knowledge');
const ADMIN_PHONE = '13700000681';
const QUESTION = '商品怎么退货';
const SIMILAR = '可以申请七天无理由退款吗';
const ANSWER = '您好，收到商品七天内可在订单页申请无理由退货。';
const CUSTOMER = 'wm-e2e-knowledge';
/** A group the CRM has not synced: its side panel has no 群画像 yet, and 知识库 still sends into it. */
const GROUP = 'wr-e2e-knowledge-group';

/**
 * Issue 15's "done when", in Chromium: the admin builds a 3-level tree in 话术库 and adds a 话术 with a 相似问;
 * a member finds it from the 知识库 tab of a single chat's side panel by a word of the 相似问 only, sends it into
 * the chat (the simulated client receives the answer), and the admin sees 使用次数 1; then the same from a group
 * chat's side panel, into the group.
 */
describe('知识库 end to end in Chromium', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let admin: Page;
  let sidebar: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-knowledge');
    await app.startWorker();
    corp = await simulator.createCorp('知识库端到端企业');
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
      mobile: '13700000682',
      department: [1],
    });
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await createMember(TENANT, {
      userid: 'lina',
      name: '李娜',
      mobile: '13700000682',
      roleId: roles.staff,
    });
    // lina's customer, whose 客户资料 the single chat's side panel opens on.
    const follows = [
      { userid: 'lina', addedAt: new Date('2026-11-01T02:03:00Z'), tagIds: [], remarkMobiles: [], addWay: 1 },
    ];
    await CustomerModel.create({
      tenantId: TENANT,
      externalUserid: CUSTOMER,
      name: '知识库客户',
      type: 1,
      follows,
      ...deriveCustomerFields(follows, undefined),
    });
    browser = await launchBrowser();
    admin = await browser.newPage({ timezoneId: 'Asia/Shanghai' });
    sidebar = await browser.newPage({ viewport: { width: 390, height: 844 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The name dialog of the tree: type, 确定, and wait for the node. */
  async function nameCategory(name: string): Promise<void> {
    await admin.getByTestId('kb-category-name').fill(name);
    await admin.getByTestId('kb-category-save').click();
    await admin.getByTestId(`kb-node-${name}`).waitFor();
  }

  async function addChild(parent: string, name: string): Promise<void> {
    const node = admin.getByTestId(`kb-node-${parent}`);
    await node.hover();
    await node.getByTestId('kb-node-menu').click();
    await admin.locator('.ant-dropdown:visible').getByTestId('kb-node-add').click();
    await nameCategory(name);
  }

  it('builds a 3-level tree and adds a 话术 with a 相似问 in its 3rd level', async () => {
    await logIn(admin, app.baseUrl, ADMIN_PHONE, ADMIN_PASSWORD);
    await admin.goto(`${app.baseUrl}/material/knowledge`);

    // 全部问题 with the fixed 未分类; "+" next to the root adds 售前, whose "…" adds 产品咨询, then 退换货.
    await admin.getByTestId('kb-node-未分类').waitFor();
    await admin.getByTestId('kb-root-add').click();
    await nameCategory('售前');
    await addChild('售前', '产品咨询');
    await addChild('产品咨询', '退换货');

    // 未分类 has no menu: it is neither renamed, deleted nor given children.
    expect(await admin.getByTestId('kb-node-未分类').getByTestId('kb-node-menu').count()).toBe(0);

    await admin.getByTestId('kb-node-退换货').click();
    await admin.getByTestId('kb-list-header').getByText('退换货').waitFor();
    await admin.getByTestId('kb-new').click();
    const form = admin.getByTestId('kb-item-form');
    await form.getByTestId('kb-question').fill(QUESTION);
    await form.getByTestId('kb-similar-add').click();
    await form.getByTestId('kb-similar').fill(SIMILAR);
    await form.getByTestId('kb-answer').fill(ANSWER);
    // 分类 is the category selected in the tree.
    await form.getByTestId('kb-category').getByText('退换货').waitFor();
    await admin.getByTestId('kb-item-save').click();

    const row = admin.getByTestId('kb-table').locator('tr', { hasText: QUESTION });
    await row.waitFor();
    expect(await row.getByTestId('kb-row-usage').innerText()).toBe('0');
    await admin.getByTestId('kb-list-header').getByText('1条').waitFor();
  }, 90_000);

  /** Opens the side panel as WeCom's client does from a chat toolbar, goes to its 知识库 tab and sends the 话术. */
  async function sendFromToolbar(page: string, context: Record<string, string>): Promise<void> {
    const open = simClientUrl(corp.corpId, {
      userid: 'lina',
      ...context,
      url: `${app.baseUrl}/h5/${page}?corpId=${corp.corpId}`,
    });
    await sidebar.goto(open);
    await sidebar.getByRole('tab', { name: '知识库' }).click();

    // Only the 相似问 has "无理由退款".
    await sidebar.getByTestId('h5-kb-search').fill('无理由退款');
    await sidebar.getByTestId('h5-kb-search-button').click();
    const item = sidebar.getByTestId('h5-kb-item').filter({ hasText: QUESTION });
    await item.waitFor();
    expect(await sidebar.getByTestId('h5-kb-item').count()).toBe(1);
    await item.getByTestId('h5-kb-send').click();
    // WeCom's answer, in words (a refusal shows its errMsg).
    const outcome = sidebar
      .locator('.ant-message')
      .getByText(/^(已发送|发送失败)/)
      .first();
    await outcome.waitFor();
    expect(await outcome.innerText()).toBe('已发送');
  }

  /** The admin asks the list again (查询) until the 话术's 使用次数 is `count`. */
  async function usageShown(count: number): Promise<void> {
    const row = admin.getByTestId('kb-table').locator('tr', { hasText: QUESTION });
    await eventually(async () => {
      await admin.getByTestId('kb-search-button').click();
      await row.waitFor();
      return (await row.getByTestId('kb-row-usage').innerText()) === String(count) ? true : undefined;
    });
  }

  it('finds the 话术 from a single chat’s side panel by its 相似问, sends it, and the admin sees 使用次数 1', async () => {
    await sendFromToolbar('customer', { entry: 'single_chat_tools', externalUserid: CUSTOMER });

    // The client put the answer into the chat with the customer.
    const sent = await eventually(async () =>
      (await simulator.chatToolMessages(corp.corpId)).messages.find((m) => m.text?.content === ANSWER),
    );
    expect(sent).toMatchObject({ userid: 'lina', externalUserid: CUSTOMER, msgtype: 'text' });
    await usageShown(1);
  }, 90_000);

  it('sends it from a group chat’s side panel into the group, and 使用次数 becomes 2', async () => {
    await sendFromToolbar('group', { entry: 'group_chat_tools', chatId: GROUP });

    const sent = await eventually(async () =>
      (await simulator.chatToolMessages(corp.corpId)).messages.find((m) => m.chatId === GROUP),
    );
    expect(sent).toMatchObject({
      userid: 'lina',
      entry: 'group_chat_tools',
      msgtype: 'text',
      text: { content: ANSWER },
    });
    expect(sent).not.toHaveProperty('externalUserid');
    await usageShown(2);
  }, 90_000);
});

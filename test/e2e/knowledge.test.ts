import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../api/modules/auth/login.use-case';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { simulator, type SimCorp } from '../support/sim-client';
import { stackEnv } from '../support/stack-env';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-knowledge');
const ADMIN_PHONE = '13700000681';
const QUESTION = '商品怎么退货';
const SIMILAR = '可以申请七天无理由退款吗';
const ANSWER = '您好，收到商品七天内可在订单页申请无理由退货。';

/**
 * Issue 15's "done when", in Chromium: the admin builds a 3-level tree in 话术库 and adds a 话术 with a 相似问;
 * a member finds it from the chat toolbar's side panel by a word of the 相似问 only, sends it into the chat
 * (the simulated client receives the answer), and the admin sees 使用次数 1.
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
    await StaffModel.create({
      tenantId: TENANT,
      userid: 'lina',
      name: '李娜',
      mobile: '13700000682',
      systemEnabled: true,
      roleId: roles.staff,
      passwordHash: await hashPassword(ADMIN_PASSWORD),
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

  it('finds the 话术 from the side panel by its 相似问, sends it, and the admin sees 使用次数 1', async () => {
    // lina opens 知识库 from the toolbar of a single chat with a customer.
    const open = new URL(`${stackEnv.wecomApiBase}/sim/corps/${corp.corpId}/client`);
    for (const [key, value] of Object.entries({
      userid: 'lina',
      entry: 'single_chat_tools',
      externalUserid: 'wm-e2e-knowledge',
      url: `${app.baseUrl}/h5/knowledge?corpId=${corp.corpId}`,
    }))
      open.searchParams.set(key, value);
    await sidebar.goto(open.toString());

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

    // The client put the answer into the chat with the customer.
    const sent = await eventually(async () =>
      (await simulator.chatToolMessages(corp.corpId)).messages.find((m) => m.text?.content === ANSWER),
    );
    expect(sent).toMatchObject({ userid: 'lina', externalUserid: 'wm-e2e-knowledge', msgtype: 'text' });

    // The admin asks the list again (查询) until the count is there.
    const row = admin.getByTestId('kb-table').locator('tr', { hasText: QUESTION });
    await eventually(async () => {
      await admin.getByTestId('kb-search-button').click();
      await row.waitFor();
      return (await row.getByTestId('kb-row-usage').innerText()) === '1' ? true : undefined;
    });
  }, 90_000);
});

import type { Browser, Page } from 'playwright-core';
import { RoleModel } from '../../lib/models/role.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn, openFromMenu } from '../support/browser';
import { populateCorp, simulator, type SimCorp } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('e2e-edit');
const PHONE = '13700000051';

describe('an admin adds a department and a member in the admin, and WeCom gets both (in Chromium)', () => {
  let app: TestApp;
  let corp: SimCorp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-org-edit');
    corp = await simulator.createCorp('编辑端到端企业');
    await populateCorp(corp.corpId, 2);
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await RoleModel.create({ tenantId: TENANT, name: '普通员工', builtIn: 'staff' });
    await app.startWorker();
    await executeWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/e2e-initial`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'initial' }],
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, PHONE, ADMIN_PASSWORD);
    // The super admin lands on the first menu item (I-11), then opens 组织架构.
    await page.waitForURL('**/acquisition/group-codes');
    await openFromMenu(page, '系统配置', '组织架构', '**/system/org');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('adds a department with the "+" on the corp root', async () => {
    const root = page.getByTestId('org-node-1');
    await root.hover();
    await root.getByTestId('org-root-add').click();
    await page.getByTestId('department-name-input').fill('市场部');
    await page.getByTestId('department-name-ok').click();
    await page.getByTestId('org-tree').getByText('市场部').waitFor();
    await eventually(async () =>
      (await simulator.corp(corp.corpId)).departments.some((d) => d.name === '市场部'),
    );
  });

  it('creates a member in the selected department through 新建员工', async () => {
    await page.getByTestId('org-tree').getByText('市场部').click();
    await page.getByTestId('staff-create').click();
    const form = page.getByTestId('staff-form');
    // 部门 starts as the department selected in the tree (R-7.1.1-11).
    await form.getByTestId('staff-form-departments').getByText('市场部').waitFor();
    await page.getByTestId('staff-form-ok').click();
    await form.getByText('请输入姓名').waitFor();

    await form.getByTestId('staff-form-name').fill('王五');
    await form.getByTestId('staff-form-userid').fill('wangwu');
    await form.getByTestId('staff-form-mobile').fill('13912345670');
    await form.getByTestId('staff-form-role').click();
    await page.locator('nz-option-item', { hasText: '普通员工' }).click();
    await page.getByTestId('staff-form-ok').click();

    await page.getByTestId('staff-table').getByText('王五').waitFor();
    await eventually(async () => {
      const wecom = await simulator.corp(corp.corpId);
      const market = wecom.departments.find((d) => d.name === '市场部');
      const user = wecom.users.find((u) => u.userid === 'wangwu') as { department?: number[] } | undefined;
      return market !== undefined && user?.department?.[0] === market.id;
    });
  });

  it('renames a department from its "…" menu', async () => {
    const node = page.getByTestId('org-node-4');
    await node.hover();
    await node.getByTestId('org-node-menu-4').click();
    await page.getByTestId('org-node-rename').click();
    // The dialog opens with the current name, set once it has rendered: typing before that would add to it
    // (a clean-clone run renamed the department 研发中心产品研发中心).
    const input = page.getByTestId('department-name-input');
    await eventually(async () => (await input.inputValue()) === '研发中心');
    await input.fill('产品研发中心');
    await page.getByTestId('department-name-ok').click();
    await page.getByTestId('org-tree').getByText('产品研发中心').waitFor();
    await eventually(async () =>
      (await simulator.corp(corp.corpId)).departments.some((d) => d.id === 4 && d.name === '产品研发中心'),
    );
  });

  it('drags a department with children under another one, after the confirmation (R-7.1.1-07/08)', async () => {
    const tree = page.getByTestId('org-tree');
    // Into the middle of the target: nz-tree reads the top and bottom quarters as "before" and "after".
    const target = (await tree.getByText('产品研发中心').boundingBox())!;
    await tree.getByText('销售部').hover();
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
    await page.mouse.move(target.x + target.width / 2 + 1, target.y + target.height / 2);
    await page.mouse.up();
    await page.getByText('移动顺序后，该部门下所有子部门都将移入，是否确定移动顺序？').waitFor();
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .click();
    await eventually(async () =>
      (await simulator.corp(corp.corpId)).departments.some(
        (d) => d.id === 2 && (d as { parentid?: number }).parentid === 4,
      ),
    );
  });
});

import type { Browser, Page } from 'playwright-core';
import { RoleModel } from '../../lib/models/role.model';
import { StaffModel } from '../../lib/models/staff.model';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser, logIn } from '../support/browser';
import { populateCorp, simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';
import { executeWorkflow } from '../../lib/temporal/typed-workflows';

const TENANT = freshTenantId('e2e-layout');
const PHONE = '13700000681';
const LONG_DEPARTMENTS = ['华东大区重点客户经营中心', '华东大区客户成功与续约服务部', '杭州分部渠道拓展二组'];

/** What only a browser's layout shows: lines, heights, empty tables. */
describe('the admin’s layout on a laptop screen (in Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-layout');
    const corp = await simulator.createCorp('布局端到端企业');
    // 23 members: a staff list longer than the window.
    await populateCorp(corp.corpId, 23);
    for (const [i, name] of LONG_DEPARTMENTS.entries()) {
      await simulator.addDepartment(corp.corpId, { id: 10 + i, name, parentid: 1 });
    }
    await simulator.addUser(corp.corpId, {
      userid: 'manydepts',
      name: '多部门',
      mobile: '13900000099',
      department: [10, 11, 12],
    });
    await createBoundTenant(TENANT, corp, { adminMobile: PHONE });
    await app.startWorker();
    await executeWorkflow(app.temporal.workflow, 'orgSyncWorkflow', {
      workflowId: `org-sync/${TENANT}/e2e-layout`,
      taskQueue: app.config.temporalTaskQueue,
      args: [{ tenantId: TENANT, trigger: 'initial' }],
    });
    const role = await RoleModel.create({ tenantId: TENANT, name: '华东大区客户经营与续约服务主管' });
    await StaffModel.updateOne(
      { tenantId: TENANT, userid: 'manydepts' },
      { $set: { roleId: String(role._id) } },
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await logIn(page, app.baseUrl, PHONE, ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('keeps 所属部门 and 角色 on one line in 组织架构, with the full list in a tooltip', async () => {
    await page.goto(`${app.baseUrl}/system/org`);
    await page.getByTestId('staff-search').fill('多部门');
    await page.getByTestId('staff-search').press('Enter');
    const row = page.getByTestId('staff-table').locator('tbody tr', { hasText: '多部门' });
    const departments = row.getByTestId('staff-departments');
    await departments.getByText(LONG_DEPARTMENTS[0], { exact: false }).waitFor();

    // Measured in the browser: one line each (the role too), the departments cut short with an ellipsis.
    const layoutOf = (cell: typeof departments) =>
      cell.evaluate((td) => {
        const style = td.ownerDocument.defaultView!.getComputedStyle(td);
        const height = td.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return {
          oneLine: height < parseFloat(style.lineHeight) * 1.5,
          cutShort: td.scrollWidth > td.clientWidth,
          textOverflow: style.textOverflow,
        };
      });
    expect(await layoutOf(departments)).toEqual({ oneLine: true, cutShort: true, textOverflow: 'ellipsis' });
    const role = row.getByTestId('staff-role');
    await role.getByText('华东大区客户经营与续约服务主管').waitFor();
    expect(await layoutOf(role)).toMatchObject({ oneLine: true, textOverflow: 'ellipsis' });
    await departments.hover();
    await page.locator('.ant-tooltip-inner').getByText(LONG_DEPARTMENTS.join('、')).waitFor();
  });

  it('draws the dark sidebar down the whole page, its menu in view wherever the page is scrolled', async () => {
    await page.getByTestId('staff-search').fill('');
    await page.getByTestId('staff-search').press('Enter');
    await page.getByTestId('staff-table').locator('tbody tr').nth(19).waitFor();
    const pageHeight = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(pageHeight).toBeGreaterThan(720);
    const sider = await page.getByTestId('sider').boundingBox();
    expect(sider!.y).toBe(0);
    expect(sider!.height).toBeGreaterThanOrEqual(pageHeight - 1);

    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const menu = await page.getByTestId('side-menu-content').boundingBox();
    expect(menu!.y).toBe(0);
  });

  it('shows the same empty state, 暂无数据, in every list table without rows', async () => {
    for (const path of ['/acquisition/group-codes', '/acquisition/staff-codes', '/customer/groups']) {
      await page.goto(`${app.baseUrl}${path}`);
      const empty = page.locator('nz-table').getByTestId('list-empty');
      await empty.waitFor();
      expect((await empty.innerText()).trim()).toBe('暂无数据');
    }
  });
});

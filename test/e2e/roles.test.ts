import type { Browser, Page } from 'playwright-core';
import { DepartmentModel } from '../../lib/models/department.model';
import { StaffModel } from '../../lib/models/staff.model';
import { eventually, startTestApp, type TestApp } from '../support/app-harness';
import { launchBrowser } from '../support/browser';
import { simulator } from '../support/sim-client';
import { ADMIN_PASSWORD, createBoundTenant, freshTenantId } from '../support/tenant-fixture';

const TENANT = freshTenantId('e2e-roles');
const ADMIN_PHONE = '13700000201';
const LEAD_PHONE = '13700000211';
const LEAD_PASSWORD = 'Lead12345';

/** 销售部 (with 销售一组 below it) and 研发部; the lead sits in 销售部. */
const DEPARTMENTS = [
  { deptId: 1, name: '权限端到端企业', parentId: 0 },
  { deptId: 2, name: '销售部', parentId: 1 },
  { deptId: 3, name: '销售一组', parentId: 2 },
  { deptId: 4, name: '研发部', parentId: 1 },
];
const STAFF = [
  { userid: 'sales-lead', name: '销售经理', mobile: LEAD_PHONE, departmentIds: [2] },
  { userid: 'sales-rep', name: '销售员', mobile: '13700000212', departmentIds: [3] },
  { userid: 'engineer', name: '工程师', mobile: '13700000213', departmentIds: [4] },
];

describe('权限管理 end to end: a role limited to 本部门及以下 (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!process.env.WEB_DIST)
      throw new Error('WEB_DIST is not set: run through `npm test`, which builds the admin');
    app = await startTestApp('e2e-roles');
    const corp = await simulator.createCorp('权限端到端企业');
    const { roles } = await createBoundTenant(TENANT, corp, { adminMobile: ADMIN_PHONE });
    await DepartmentModel.insertMany(DEPARTMENTS.map((d) => ({ tenantId: TENANT, ...d })));
    // As the org sync leaves them: every newcomer holds the built-in 员工 role.
    await StaffModel.insertMany(STAFF.map((s) => ({ tenantId: TENANT, roleId: roles.staff, ...s })));
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const menu = () => page.getByTestId('side-menu');
  const modal = () => page.locator('.ant-modal-content');
  const confirmModal = () =>
    modal()
      .getByRole('button', { name: /确\s*定/ })
      .click();
  const staffRow = (name: string) =>
    page.getByTestId('staff-table').locator('tbody tr', { has: page.getByText(name, { exact: true }) });

  async function logIn(phone: string, password: string): Promise<void> {
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('login-phone').fill(phone);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('the admin creates the role 部门主管 in 权限管理, limited to 本部门及以下', async () => {
    await logIn(ADMIN_PHONE, ADMIN_PASSWORD);
    await page.waitForURL('**/acquisition/group-codes');
    await menu().getByText('系统配置').click();
    await menu().getByText('权限管理').click();
    await page.waitForURL('**/system/roles');
    await page.getByTestId('role-row-员工').waitFor();

    await page.getByTestId('role-create').click();
    await modal().getByText('新建角色').waitFor();
    await page.getByTestId('role-name').fill('部门主管');
    await modal().getByText('4/30').waitFor();
    const treeNode = (title: string) =>
      page
        .getByTestId('role-permission-tree')
        .locator('.ant-tree-treenode')
        .filter({ has: page.locator('.ant-tree-title', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) });
    // 组织架构 with its buttons, but not 同步.
    await treeNode('组织架构').locator('.ant-tree-checkbox').click();
    await treeNode('组织架构').locator('.ant-tree-switcher').click();
    await treeNode('同步').locator('.ant-tree-checkbox').click();

    await modal().getByRole('tab', { name: '数据权限' }).click();
    // The screenshot's default (R-7.2.2-03).
    await expect(page.getByTestId('role-scope-department').locator('input').isChecked()).resolves.toBe(true);
    await confirmModal();

    const row = page.getByTestId('role-row-部门主管');
    await row.waitFor();
    await expect(row.getByTestId('role-staff-count').textContent()).resolves.toBe('0');
  });

  it('gives 销售经理 the role, switches them on (开启系统) and sets their password', async () => {
    await menu().getByText('组织架构').click();
    await page.waitForURL('**/system/org');
    const lead = staffRow('销售经理');
    await lead.getByTestId('staff-set-role').click();
    await page.getByTestId('staff-role-select').click();
    await page.locator('.ant-select-item-option', { hasText: '部门主管' }).click();
    await confirmModal();
    await lead.getByTestId('staff-role').getByText('部门主管').waitFor();

    await lead.getByTestId('staff-system-access').click();
    await lead.getByText('关闭系统').waitFor();

    await lead.getByTestId('staff-reset-password').click();
    await page.getByTestId('staff-password-input').fill(LEAD_PASSWORD);
    await confirmModal();
    await page.getByText('密码已重置').waitFor();
  });

  it('员工数 links to the staff holding the role', async () => {
    await menu().getByText('权限管理').click();
    const count = page.getByTestId('role-row-部门主管').getByTestId('role-staff-count');
    await count.getByText('1', { exact: true }).waitFor();
    await count.click();
    await page.waitForURL('**/system/org?roleId=*');
    await page.getByTestId('staff-role-filter').getByText('部门主管').waitFor();
    const rows = page.getByTestId('staff-table').locator('tbody tr');
    await eventually(async () => (await rows.count()) === 1, 10_000);
    await staffRow('销售经理').waitFor();
  });

  it('销售经理 logs in and sees only their department’s staff, and no 权限管理', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await logIn(LEAD_PHONE, LEAD_PASSWORD);
    // 组织架构 is the only menu item the role has, so it is where they land (I-11).
    await page.waitForURL('**/system/org');

    const rows = page.getByTestId('staff-table').locator('tbody tr');
    await staffRow('销售员').waitFor();
    await eventually(async () => (await rows.count()) === 2, 10_000);
    const names = (await rows.locator('td:first-child').allTextContents()).map((name) => name.trim());
    expect(names.sort()).toEqual(['销售员', '销售经理']);

    const menuText = (await menu().textContent()) ?? '';
    expect(menuText).toContain('组织架构');
    expect(menuText).not.toContain('权限管理');
    expect(menuText).not.toContain('客户管理');
    // Buttons the role lacks are hidden.
    await expect(page.getByTestId('org-sync').count()).resolves.toBe(0);

    // A typed-in URL of a page the role lacks leads back to their own page.
    await page.goto(`${app.baseUrl}/system/roles`);
    await page.waitForURL('**/system/org');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { provideAppIcons } from '../../../core/startup/app-icons';
import { Role } from './roles.models';
import { RolesPage } from './roles-page';

const role = (id: string, name: string, builtIn: Role['builtIn'], staffCount: number): Role => ({
  id,
  name,
  builtIn,
  functionPermissions: [],
  dataScope: 'self',
  customDepartmentIds: [],
  customUserids: [],
  staffCount,
  createdByName: '管理员',
  createdAt: '2026-11-25T00:00:00.000Z',
});

describe('RolesPage (权限管理)', () => {
  let http: HttpTestingController;

  async function render(permissions: string[]) {
    TestBed.configureTestingModule({
      imports: [RolesPage],
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzI18n(zh_CN),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).loadSession().subscribe();
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u', name: '管理员', phone: '1' },
      tenant: { id: 't', name: 't', corpName: 't' },
      access: { roleName: 'r', isSuperAdmin: false, permissions, dataScope: 'all' },
    });
    const fixture = TestBed.createComponent(RolesPage);
    await fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/roles')
      .flush({
        items: [
          role('a', '超级管理员', 'super_admin', 1),
          role('b', '员工', 'staff', 3),
          role('c', '销售主管', null, 0),
        ],
        total: 3,
        page: 1,
        pageSize: 20,
      });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const rowOf = (page: HTMLElement, name: string) => page.querySelector(`[data-testid="role-row-${name}"]`)!;
  const buttons = (row: Element) => [...row.querySelectorAll('button')].map((b) => b.textContent?.trim());

  afterEach(() => http.verify());

  it('lists 角色名称, 员工数 as a link to the staff holding the role, and 创建人', async () => {
    const page = await render(['system.roles']);
    expect(page.textContent).toContain('角色名称');
    const count = rowOf(page, '员工').querySelector('a[data-testid="role-staff-count"]')!;
    expect(count.textContent?.trim()).toBe('3');
    expect(count.getAttribute('href')).toBe('/system/org?roleId=b&roleName=%E5%91%98%E5%B7%A5');
    expect(rowOf(page, '销售主管').textContent).toContain('管理员');
  });

  it('offers 编辑 and 删除 as the role and the permissions allow (I-102)', async () => {
    const page = await render([
      'system.roles',
      'system.roles.create',
      'system.roles.edit',
      'system.roles.delete',
    ]);
    expect(page.querySelector('[data-testid="role-create"]')).not.toBeNull();
    expect(buttons(rowOf(page, '超级管理员'))).toEqual([]);
    expect(buttons(rowOf(page, '员工'))).toEqual(['编辑']);
    expect(buttons(rowOf(page, '销售主管'))).toEqual(['编辑', '删除']);
  });

  it('hides the buttons the role lacks', async () => {
    const page = await render(['system.roles']);
    expect(page.querySelector('[data-testid="role-create"]')).toBeNull();
    expect(buttons(rowOf(page, '销售主管'))).toEqual([]);
  });
});

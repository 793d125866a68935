import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { ActualGroupRow, ActualGroupsTable } from './actual-groups-table';

const group = (name: string, state: ActualGroupRow['state'] = 'serving'): ActualGroupRow => ({
  qrFileId: `file-${name}`,
  name,
  expiresAt: '2026-12-31 23:59:59',
  scanCount: 3,
  scanLimit: 200,
  state,
});

async function render(groups: ActualGroupRow[], permitted: boolean, changePermission?: string) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideNzI18n(zh_CN),
      { provide: AuthService, useValue: { can: () => permitted } },
    ],
  });
  const fixture = TestBed.createComponent(ActualGroupsTable<ActualGroupRow>);
  fixture.componentRef.setInput('groups', groups);
  fixture.componentRef.setInput('testId', 'groups');
  if (changePermission) fixture.componentRef.setInput('changePermission', changePermission);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('ActualGroupsTable (a code’s 实际群码, in 管理实际群码 and the wizard)', () => {
  it('lists the groups with their scans and state, and a pager only past one page', async () => {
    const { element } = await render([group('一群'), group('二群', 'full')], true);
    const row = element.querySelector('[data-testid="code-group-二群"]')!;
    expect(row.querySelector('[data-testid="group-scan-count"]')?.textContent?.trim()).toBe('3');
    expect(row.querySelector('[data-testid="group-state"]')?.textContent?.trim()).toBe('已满');
    expect(element.querySelector('.ant-pagination')?.hasAttribute('hidden') ?? true).toBe(true);

    TestBed.resetTestingModule();
    const many = await render(
      Array.from({ length: 21 }, (_, index) => group(`群${index}`)),
      true,
    );
    expect(many.element.querySelectorAll('tbody tr[data-testid^="code-group-"]')).toHaveLength(20);
  });

  it('hands 编辑 its group, and shows 编辑 and 删除 only to whom may change the code', async () => {
    const groups = [group('一群'), group('二群')];
    const { fixture, element } = await render(groups, true, 'acquisition.group-codes.edit');
    const edited: ActualGroupRow[] = [];
    fixture.componentInstance.edit.subscribe((row) => edited.push(row));
    element.querySelector<HTMLElement>('[data-testid="code-group-二群"] .ops a')!.click();
    expect(edited).toEqual([groups[1]]);

    TestBed.resetTestingModule();
    const barred = await render(groups, false, 'acquisition.group-codes.edit');
    expect(barred.element.querySelectorAll('.ops a')).toHaveLength(0);
  });
});

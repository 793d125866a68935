import { provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../../../core/auth/auth.service';
import { ServerTableState } from '../../../shared/server-table/server-table.directive';
import { AnalyticsTable, AnalyticsTableLayout, countColumn } from './analytics-table';

interface Row {
  userid: string;
  name: string;
  chatTotal: number;
}

const LAYOUT: AnalyticsTableLayout<Row> = {
  title: '客户群沟通',
  testId: 'groups',
  columns: [{ title: '群主', cell: (row) => row.name }, countColumn('chatTotal', '群总数')],
  rowKey: (row) => row.userid,
  exportPermission: 'analytics.staff.export',
};

describe('AnalyticsTable (a 统计分析 table on a ServerTable)', () => {
  async function render(layout: AnalyticsTableLayout<Row>, exportHref?: string, permitted = true) {
    TestBed.configureTestingModule({
      imports: [AnalyticsTable],
      providers: [
        provideZonelessChangeDetection(),
        provideNzI18n(zh_CN),
        { provide: AuthService, useValue: { can: () => permitted } },
      ],
    });
    const state: ServerTableState<Row> = {
      items: signal([{ userid: 'lina', name: '李娜', chatTotal: 3 }]),
      total: signal(1),
      page: signal(1),
      pageSize: signal(20),
      loading: signal(false),
      onQueryParams: () => undefined,
    };
    const fixture = TestBed.createComponent(AnalyticsTable<Row>);
    fixture.componentRef.setInput('layout', layout);
    fixture.componentRef.setInput('table', state);
    if (exportHref) fixture.componentRef.setInput('exportHref', exportHref);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('prints each column’s cell, sortable headers where the api sorts, the ⓘ of the definitions and 导出', async () => {
    const element = await render(LAYOUT, '/api/x/export?from=2026-11-01');
    const row = element.querySelector('[data-testid="groups-row"]')!;
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())).toEqual(['李娜', '3']);
    expect(element.querySelector('[data-testid="sort-chatTotal"]')?.textContent?.trim()).toBe('群总数');
    expect(element.querySelectorAll('[data-testid^="sort-"]').length).toBe(1);
    expect(element.querySelector('.tip')).not.toBeNull();
    expect(element.querySelector('[data-testid="groups-export"]')?.getAttribute('href')).toBe(
      '/api/x/export?from=2026-11-01',
    );
  });

  it('has no ⓘ without definitions, and no 导出 without a link or the permission', async () => {
    const plain = { ...LAYOUT, columns: [{ title: '群主', cell: (row: Row) => row.name }] };
    const element = await render(plain);
    expect(element.querySelector('.tip')).toBeNull();
    expect(element.querySelector('[data-testid="groups-export"]')).toBeNull();
    TestBed.resetTestingModule();
    const unpermitted = await render(LAYOUT, '/api/x/export', false);
    expect(unpermitted.querySelector('[data-testid="groups-export"]')).toBeNull();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideZhCn } from '../../../core/i18n/provide-zh-cn';
import { AnalyticsFiltersBar } from './analytics-filters';
import { AnalyticsFilters, defaultFilters } from './analytics.models';

describe('AnalyticsFiltersBar (时间 and 按员工查询, R-6-02)', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [AnalyticsFiltersBar],
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        // The range picker formats its days with Angular's zh-CN locale data.
        provideZhCn(),
      ],
    });
    const fixture = TestBed.createComponent(AnalyticsFiltersBar);
    const applied: AnalyticsFilters[] = [];
    fixture.componentInstance.applied.subscribe((filters) => applied.push(filters));
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/analytics/staff-options')
      .flush({
        staff: [
          { userid: 'lina', name: '李娜' },
          { userid: 'wq', name: '王强' },
        ],
      });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const click = (testId: string) =>
      element.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.click();
    return { fixture, applied, click };
  }

  it('查询 applies the chosen staff, named for 员工/部门', async () => {
    const { fixture, applied, click } = await render();
    (fixture.componentInstance as unknown as { staff: string[] }).staff = ['wq', 'lina'];
    click('analytics-search');
    expect(applied).toEqual([{ ...defaultFilters(), staff: ['wq', 'lina'], staffLabel: '王强、李娜' }]);
  });

  it('重置 goes back to the last 7 days and everyone in the 数据权限 (全公司)', async () => {
    const { fixture, applied, click } = await render();
    const bar = fixture.componentInstance as unknown as { staff: string[]; range: Date[] };
    bar.staff = ['lina'];
    bar.range = [new Date(2026, 0, 1), new Date(2026, 0, 31)];
    click('analytics-reset');
    expect(applied).toEqual([defaultFilters()]);
  });
});

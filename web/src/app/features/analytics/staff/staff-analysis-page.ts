import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AnalyticsFiltersBar } from '../shared/analytics-filters';
import { AnalyticsFilters, defaultFilters } from '../shared/analytics.models';
import { StaffConsistencyTab } from './staff-consistency-tab';
import { StaffContactTab } from './staff-contact-tab';
import { StaffGroupTab } from './staff-group-tab';

/**
 * 统计分析 → 员工分析 (§6.2): the global 时间 and 按员工查询 over 客户沟通 / 客户群沟通, and 数据核对 (WeCom's
 * counts beside the archive's, issue 17).
 */
@Component({
  selector: 'app-staff-analysis-page',
  imports: [AnalyticsFiltersBar, NzTabsModule, StaffConsistencyTab, StaffContactTab, StaffGroupTab],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-analytics-filters (applied)="filters.set($event)" />
    <nz-tabs data-testid="staff-analysis-tabs">
      <nz-tab nzTitle="客户沟通">
        <ng-template nz-tab><app-staff-contact-tab [filters]="filters()" /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="客户群沟通">
        <ng-template nz-tab><app-staff-group-tab [filters]="filters()" /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="数据核对">
        <ng-template nz-tab><app-staff-consistency-tab [filters]="filters()" /></ng-template>
      </nz-tab>
    </nz-tabs>
  `,
})
export class StaffAnalysisPage {
  protected readonly filters = signal<AnalyticsFilters>(defaultFilters());
}

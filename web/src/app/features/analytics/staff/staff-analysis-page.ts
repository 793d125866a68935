import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AnalyticsFiltersBar } from '../shared/analytics-filters';
import { AnalyticsTableBlock } from '../shared/analytics-table-block';
import { AnalyticsFilters, defaultFilters } from '../shared/analytics.models';
import { StaffConsistencyTab } from './staff-consistency-tab';
import { STAFF_CONTACTS, STAFF_GROUPS } from './staff-tables';

/**
 * 统计分析 → 员工分析 (§6.2): the global 时间 and 按员工查询 over 客户沟通 / 客户群沟通, and 数据核对 (WeCom's
 * counts beside the archive's, issue 17).
 */
@Component({
  selector: 'app-staff-analysis-page',
  imports: [AnalyticsFiltersBar, AnalyticsTableBlock, NzTabsModule, StaffConsistencyTab],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-analytics-filters (applied)="filters.set($event)" />
    <nz-tabs data-testid="staff-analysis-tabs">
      <nz-tab nzTitle="客户沟通">
        <ng-template nz-tab
          ><app-analytics-table-block [spec]="contacts" [filters]="filters()"
        /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="客户群沟通">
        <ng-template nz-tab><app-analytics-table-block [spec]="groups" [filters]="filters()" /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="数据核对">
        <ng-template nz-tab><app-staff-consistency-tab [filters]="filters()" /></ng-template>
      </nz-tab>
    </nz-tabs>
  `,
})
export class StaffAnalysisPage {
  protected readonly filters = signal<AnalyticsFilters>(defaultFilters());
  protected readonly contacts = STAFF_CONTACTS;
  protected readonly groups = STAFF_GROUPS;
}

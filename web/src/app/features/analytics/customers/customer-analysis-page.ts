import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AnalyticsFiltersBar } from '../shared/analytics-filters';
import { AnalyticsFilters, defaultFilters } from '../shared/analytics.models';
import { CustomerChatTab } from './customer-chat-tab';
import { CustomerGroupTab } from './customer-group-tab';
import { CustomerOverviewTab } from './customer-overview-tab';

/**
 * 统计分析 → 客户分析 (§6.1): the global 时间 and 按员工查询 over the tabs 客户概览 / 客户聊天分析 / 客户群聊分析;
 * a tab loads when first opened, and every open tab follows 查询.
 */
@Component({
  selector: 'app-customer-analysis-page',
  imports: [AnalyticsFiltersBar, CustomerChatTab, CustomerGroupTab, CustomerOverviewTab, NzTabsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-analytics-filters (applied)="filters.set($event)" />
    <nz-tabs class="tabs" data-testid="customer-analysis-tabs">
      <nz-tab nzTitle="客户概览">
        <ng-template nz-tab><app-customer-overview-tab [filters]="filters()" /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="客户聊天分析">
        <ng-template nz-tab><app-customer-chat-tab [filters]="filters()" /></ng-template>
      </nz-tab>
      <nz-tab nzTitle="客户群聊分析">
        <ng-template nz-tab><app-customer-group-tab [filters]="filters()" /></ng-template>
      </nz-tab>
    </nz-tabs>
  `,
  styles: `
    .tabs {
      background: transparent;
    }
  `,
})
export class CustomerAnalysisPage {
  protected readonly filters = signal<AnalyticsFilters>(defaultFilters());
}

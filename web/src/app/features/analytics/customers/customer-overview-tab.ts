import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';

import { AnalyticsApi } from '../shared/analytics-api';
import { AnalyticsChart } from '../shared/analytics-chart';
import {
  AnalyticsFilters,
  DEFINITIONS,
  lineChartOption,
  pieChartOption,
  SOURCE_LABELS,
  StatCard,
} from '../shared/analytics.models';
import { StatCards } from '../shared/stat-cards';

/** 客户概览: 数据总览, 增长趋势, 客户来源分布 and 客户标签分布 for the filters applied. */
@Component({
  selector: 'app-customer-overview-tab',
  imports: [AnalyticsChart, StatCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-stat-cards class="block" [cards]="cards()" />
    <app-analytics-chart
      class="block"
      title="增长趋势"
      testId="overview-trend"
      [option]="trendOption()"
      [loading]="overview.isLoading()"
    />
    <div class="pies">
      <app-analytics-chart
        class="block"
        title="客户来源分布"
        testId="overview-sources"
        [option]="sourceOption()"
        [loading]="overview.isLoading()"
      />
      <app-analytics-chart
        class="block"
        title="客户标签分布"
        testId="overview-tags"
        [option]="tagOption()"
        [loading]="overview.isLoading()"
      />
    </div>
  `,
  styleUrl: '../shared/analytics-tab.css',
})
export class CustomerOverviewTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly overview = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.overview(params),
  });

  protected readonly cards = computed<StatCard[]>(() => {
    const cards = this.overview.value()?.cards;
    const value = (figure: number | undefined) => (figure === undefined ? '-' : String(figure));
    return [
      { label: '新增客户数', value: value(cards?.newContact), tip: DEFINITIONS.newContact },
      { label: '客户申请数', value: value(cards?.newApply), tip: DEFINITIONS.newApply },
      { label: '主动删除客户数', value: value(cards?.deletedByStaff), tip: DEFINITIONS.deletedByStaff },
      { label: '被客户删除数', value: value(cards?.deletedByCustomer), tip: DEFINITIONS.deletedByCustomer },
      {
        label: '流失客户',
        value: value(this.overview.value()?.lostCustomers),
        tip: DEFINITIONS.lostCustomers,
      },
    ];
  });

  private readonly trend = computed(() => this.overview.value()?.trend ?? []);
  protected readonly trendOption = computed(() => {
    const trend = this.trend();
    return lineChartOption(
      trend.map((point) => point.day),
      [
        { name: '新增客户数', data: trend.map((point) => point.newContact) },
        { name: '客户申请数', data: trend.map((point) => point.newApply) },
        { name: '主动删除客户数', data: trend.map((point) => point.deletedByStaff) },
        { name: '被客户删除数', data: trend.map((point) => point.deletedByCustomer) },
      ],
    );
  });

  private readonly sources = computed(() =>
    (this.overview.value()?.sources ?? []).map((item) => ({
      name: SOURCE_LABELS[item.source],
      value: item.count,
    })),
  );
  protected readonly sourceOption = computed(() => pieChartOption(this.sources()));

  private readonly tags = computed(() =>
    (this.overview.value()?.tags ?? []).map((tag) => ({ name: tag.name, value: tag.count })),
  );
  protected readonly tagOption = computed(() => pieChartOption(this.tags()));
}

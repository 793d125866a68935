import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AnalyticsApi } from '../shared/analytics-api';
import { AnalyticsChart } from '../shared/analytics-chart';
import {
  AnalyticsFilters,
  chatTrendOption,
  DEFINITIONS,
  formatMeanDuration,
  formatRatio,
  StatCard,
} from '../shared/analytics.models';
import { StatCards } from '../shared/stat-cards';

/**
 * 客户聊天分析: 数据总览, the 增长趋势 of 已回复聊天占比 and 平均首次回复时长, and 趋势明细 (the same
 * days as a table, newest first; at most 366 rows, already loaded with the chart, so paged here).
 */
@Component({
  selector: 'app-customer-chat-tab',
  imports: [AnalyticsChart, NzTableModule, StatCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-stat-cards class="block" [cards]="cards()" />
    <app-analytics-chart
      class="block"
      title="增长趋势"
      testId="chat-trend"
      [option]="trendOption()"
      [loading]="chats.isLoading()"
    />
    <section class="block">
      <h4>趋势明细</h4>
      <nz-table
        #table
        nzSize="middle"
        [nzData]="rows()"
        [nzPageSize]="20"
        [nzShowTotal]="totalTemplate"
        [nzLoading]="chats.isLoading()"
        data-testid="chat-detail-table"
      >
        <thead>
          <tr>
            <th>日期</th>
            <th>员工</th>
            <th>已回复聊天占比</th>
            <th>平均首次回复时长</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.day) {
            <tr data-testid="chat-detail-row">
              <td>{{ row.day }}</td>
              <td>{{ filters().staffLabel }}</td>
              <td>{{ formatRatio(row.reply) }}</td>
              <td>{{ formatMeanDuration(row.firstReply) }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTemplate let-total>共 {{ total }} 条</ng-template>
    </section>
  `,
  styleUrl: '../shared/analytics-tab.css',
})
export class CustomerChatTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly formatRatio = formatRatio;
  protected readonly formatMeanDuration = formatMeanDuration;

  protected readonly chats = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.chats(params),
  });

  protected readonly cards = computed<StatCard[]>(() => {
    const cards = this.chats.value()?.cards;
    return [
      { label: '聊天总数', value: cards ? String(cards.chatCnt) : '-', tip: DEFINITIONS.chatCnt },
      { label: '发送消息数', value: cards ? String(cards.messageCnt) : '-', tip: DEFINITIONS.messageCnt },
      { label: '已回复聊天占比', value: cards ? formatRatio(cards.reply) : '-', tip: DEFINITIONS.reply },
      {
        label: '平均首次回复时长',
        value: cards ? formatMeanDuration(cards.firstReply) : '-',
        tip: DEFINITIONS.firstReply,
      },
    ];
  });

  private readonly trend = computed(() => this.chats.value()?.trend ?? []);
  protected readonly trendOption = computed(() => chatTrendOption(this.trend()));
  /** 趋势明细, newest first (as 群聊明细). */
  protected readonly rows = computed(() => [...this.trend()].reverse());
}

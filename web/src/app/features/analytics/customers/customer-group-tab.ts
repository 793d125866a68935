import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';

import { IfPermittedDirective } from '../../../core/auth/if-permitted.directive';
import { ServerTable } from '../../../shared/server-table/server-table';
import { AnalyticsApi, exportUrl } from '../shared/analytics-api';
import { AnalyticsChart } from '../shared/analytics-chart';
import {
  allZero,
  AnalyticsFilters,
  defaultFilters,
  DEFINITIONS,
  GroupDetailRow,
  lineChartOption,
  StatCard,
} from '../shared/analytics.models';
import { StatCards } from '../shared/stat-cards';

/**
 * 客户群聊分析: 数据总览 (群聊总数 and 群成员总数 as of the range's last day), 群聊趋势 and 群聊明细,
 * 群成员趋势 and 群成员明细, the tables paged on the server and exported to Excel.
 */
@Component({
  selector: 'app-customer-group-tab',
  imports: [AnalyticsChart, IfPermittedDirective, NzButtonModule, NzTableModule, StatCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-group-tab.html',
  styleUrl: '../shared/analytics-tab.css',
})
export class CustomerGroupTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly pageSizeOptions = [10, 20, 50, 100];
  protected readonly groups = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.groups(params),
  });
  /** 群聊明细 and 群成员明细: the same days, each table with its own page. */
  protected readonly chatDays = this.dayTable();
  protected readonly memberDays = this.dayTable();

  constructor() {
    // A new 查询 starts both tables again from page 1.
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        this.chatDays.search(filters);
        this.memberDays.search(filters);
      });
    });
  }

  private dayTable(): ServerTable<GroupDetailRow, AnalyticsFilters> {
    return new ServerTable<GroupDetailRow, AnalyticsFilters>({
      filters: defaultFilters(),
      fetch: (query) => this.api.groupDays(query),
    });
  }

  protected readonly cards = computed<StatCard[]>(() => {
    const cards = this.groups.value()?.cards;
    const value = (figure: number | undefined) => (figure === undefined ? '-' : String(figure));
    return [
      { label: '群聊总数', value: value(cards?.chatTotal), tip: DEFINITIONS.chatTotal },
      { label: '新增群聊数', value: value(cards?.newChat), tip: DEFINITIONS.newChat },
      { label: '有过消息的群聊数', value: value(cards?.chatHasMsg), tip: DEFINITIONS.chatHasMsg },
      { label: '群成员总数', value: value(cards?.memberTotal), tip: DEFINITIONS.memberTotal },
      { label: '新增群成员数', value: value(cards?.newMember), tip: DEFINITIONS.newMember },
      { label: '发过消息的群成员数', value: value(cards?.memberHasMsg), tip: DEFINITIONS.memberHasMsg },
    ];
  });

  private readonly trend = computed(() => this.groups.value()?.trend ?? []);
  protected readonly chatOption = computed(() => {
    const trend = this.trend();
    return lineChartOption(
      trend.map((point) => point.day),
      [
        { name: '群聊总数', data: trend.map((point) => point.chatTotal) },
        { name: '新增群聊数', data: trend.map((point) => point.newChat) },
        { name: '有过消息的群聊数', data: trend.map((point) => point.chatHasMsg) },
      ],
    );
  });
  protected readonly chatEmpty = computed(() =>
    allZero(this.trend().flatMap((point) => [point.chatTotal, point.newChat, point.chatHasMsg])),
  );
  protected readonly memberOption = computed(() => {
    const trend = this.trend();
    return lineChartOption(
      trend.map((point) => point.day),
      [
        { name: '群成员总数', data: trend.map((point) => point.memberTotal) },
        { name: '新增群成员数', data: trend.map((point) => point.newMember) },
        { name: '发过消息的群成员数', data: trend.map((point) => point.memberHasMsg) },
      ],
    );
  });
  protected readonly memberEmpty = computed(() =>
    allZero(this.trend().flatMap((point) => [point.memberTotal, point.newMember, point.memberHasMsg])),
  );

  protected readonly chatsExportUrl = computed(() =>
    exportUrl('/api/analytics/customers/group-chats/export', this.filters()),
  );
  protected readonly membersExportUrl = computed(() =>
    exportUrl('/api/analytics/customers/group-members/export', this.filters()),
  );
}

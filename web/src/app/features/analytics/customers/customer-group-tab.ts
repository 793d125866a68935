import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';

import { AnalyticsApi } from '../shared/analytics-api';
import { AnalyticsChart } from '../shared/analytics-chart';
import { AnalyticsTableBlock, AnalyticsTableSpec } from '../shared/analytics-table-block';
import {
  AnalyticsFilters,
  DEFINITIONS,
  GroupDetailRow,
  lineChartOption,
  StatCard,
} from '../shared/analytics.models';
import { StatCards } from '../shared/stat-cards';

/** 群聊明细 and 群成员明细 show the same days (at most 366, so no 跳至), each with its own page and 导出. */
function groupDayTable(
  title: string,
  testId: string,
  figures: ReadonlyArray<[keyof GroupDetailRow, string]>,
  exportPath: string,
): AnalyticsTableSpec<GroupDetailRow> {
  return {
    title,
    testId,
    columns: [
      { title: '日期', cell: (row) => row.day },
      { title: '员工/部门', cell: (row) => row.scopeLabel },
      ...figures.map(([key, figureTitle]) => ({
        title: figureTitle,
        cell: (row: GroupDetailRow) => row[key],
      })),
    ],
    rowKey: (row) => row.day,
    fetch: (api, query) => api.groupDays(query),
    exportPath,
    exportPermission: 'analytics.customers.export',
    quickJumper: false,
  };
}

const CHAT_DAYS = groupDayTable(
  '群聊明细',
  'group-chats',
  [
    ['chatTotal', '群聊总数'],
    ['newChat', '新增群聊数'],
    ['chatHasMsg', '有过消息的群聊数'],
  ],
  '/api/analytics/customers/group-chats/export',
);
const MEMBER_DAYS = groupDayTable(
  '群成员明细',
  'group-members',
  [
    ['memberTotal', '群成员总数'],
    ['newMember', '新增群成员数'],
    ['memberHasMsg', '发过消息的群成员数'],
  ],
  '/api/analytics/customers/group-members/export',
);

/**
 * 客户群聊分析: 数据总览 (群聊总数 and 群成员总数 as of the range's last day), 群聊趋势 and 群聊明细,
 * 群成员趋势 and 群成员明细, the tables paged on the server and exported to Excel.
 */
@Component({
  selector: 'app-customer-group-tab',
  imports: [AnalyticsChart, AnalyticsTableBlock, StatCards],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-group-tab.html',
  styleUrl: '../shared/analytics-tab.css',
})
export class CustomerGroupTab {
  private readonly api = inject(AnalyticsApi);
  readonly filters = input.required<AnalyticsFilters>();

  protected readonly groups = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.groups(params),
  });
  protected readonly chatDays = CHAT_DAYS;
  protected readonly memberDays = MEMBER_DAYS;

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
}

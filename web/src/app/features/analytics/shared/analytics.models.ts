import { HttpParams } from '@angular/common/http';
import type { EChartsCoreOption } from 'echarts/core';
import type { CustomerSource } from '@contracts/analytics.contract';
import { formatMeanDuration, formatRatio } from '@contracts/analytics-format';

export type {
  AnalyticsBackfillStatus,
  AnalyticsStaffOptions,
  ConsistencyPage,
  ConsistencyRow,
  CustomerChatAnalysis,
  CustomerGroupAnalysis,
  CustomerOverview,
  GroupDetailRow,
  StaffContactRow,
  StaffGroupRow,
} from '@contracts/analytics.contract';
/** The same text as the exports (R-6-03): "50.00%", "00:32:58", "-" for a zero denominator. */
export { formatMeanDuration, formatRatio };

/** 时间 and 按员工查询 as applied by 查询 (R-6-02): China days, and the chosen staff (none = the whole 数据权限). */
export interface AnalyticsFilters {
  from: string;
  to: string;
  staff: string[];
  /** 员工 as the tables show it (I-90): 全公司, or the chosen names. */
  staffLabel: string;
}

/** A date as the picker shows it: the browser's calendar day, YYYY-MM-DD. */
export function dayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default 时间 (I-88): the last 7 days, ending yesterday (today's figures come tomorrow, T+1). */
export function defaultRange(now = new Date()): [Date, Date] {
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return [day(-7), day(-1)];
}

export function defaultFilters(now = new Date()): AnalyticsFilters {
  const [from, to] = defaultRange(now);
  return { from: dayOf(from), to: dayOf(to), staff: [], staffLabel: '全公司' };
}

/** The filters as query parameters: every request and 导出 of the page sends the same. */
export function filterParams(filters: AnalyticsFilters): HttpParams {
  let params = new HttpParams().set('from', filters.from).set('to', filters.to);
  if (filters.staff.length > 0) params = params.set('staff', filters.staff.join(','));
  return params;
}

/** A 数据总览 card: its name, its figure as shown, and the manual's definition for its ⓘ (R-6-03). */
export interface StatCard {
  label: string;
  value: string;
  tip: string;
}

/** The definitions of the manual (§6.1, §6.2), shown by the cards' and tables' ⓘ. */
export const DEFINITIONS = {
  newContact: '统计周期内，成员新添加的客户数量。',
  newApply:
    '统计周期内，成员通过「搜索手机号」、「扫一扫」、「从微信好友中添加」等渠道主动向客户发起的好友申请数量。',
  deletedByStaff: '员工主动删除外部联系人数量。',
  deletedByCustomer: '客户主动删除员工好友数。',
  lostCustomers:
    '统计周期内，客户删除员工或员工删除客户（在职继承除外）的流失客户数，与「流失客户」列表一致。',
  chatCnt: '统计周期内，成员有发送过消息的单聊的数量。',
  messageCnt: '统计周期内，成员在单聊中发送的消息总数。',
  reply: '统计周期内，客户主动发起单聊后，成员在一个自然日内有回复过消息的单聊数/客户主动发起的单聊数量。',
  firstReply:
    '客户主动发起单聊后，成员在一个自然日内首次回复的时长间隔为首次回复时长，所有单聊的首次回复总时长/已回复的单聊总数即为平均首次回复时长。',
  chatTotal: '截至统计周期最后一天，成员拥有的客户群的数量。',
  newChat: '统计周期内，成员新拥有的客户群的数量。',
  chatHasMsg: '统计周期内，有成员在群聊内发送过消息的客户群的数量。',
  memberTotal: '截至统计周期最后一天，成员拥有的客户群中的群成员的数量。',
  newMember: '统计周期内，成员的客户群中新加入群成员的数量。',
  memberHasMsg: '统计周期内，在客户群中发过消息的群成员的数量。',
  msgTotal: '统计周期内，成员的客户群中的消息数量。',
  blacklisted: '统计周期内，成员被客户删除或加入黑名单的次数。',
} as const;

export const SOURCE_LABELS: Record<CustomerSource, string> = {
  qrcode: '扫描二维码',
  card: '名片分享',
  other: '其他',
};

/**
 * A line chart of figures per day (增长趋势, 群聊趋势, 群成员趋势): tooltips on the axis, a legend; none (暂无数据)
 * when every figure is 0.
 */
export function lineChartOption(
  days: readonly string[],
  series: ReadonlyArray<{ name: string; data: number[] }>,
): EChartsCoreOption | null {
  if (allZero(series.flatMap((line) => line.data))) return null;
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((line) => line.name), top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', boundaryGap: false, data: [...days] },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((line) => ({ name: line.name, type: 'line', data: line.data })),
  };
}

/**
 * 客户聊天分析's 增长趋势 (R-6.1.2-03): 已回复聊天占比 (left axis, %) and 平均首次回复时长 (right axis), each day's
 * ratio of its own sums; a day without customer-started chats is a gap, and its tooltip says "-". None (暂无数据)
 * when no day had any.
 */
export function chatTrendOption(
  trend: ReadonlyArray<{
    day: string;
    reply: { numerator: number; denominator: number };
    firstReply: { totalSeconds: number; count: number };
  }>,
): EChartsCoreOption | null {
  if (trend.every((point) => point.reply.denominator === 0 && point.firstReply.count === 0)) return null;
  const ratio = trend.map((point) =>
    point.reply.denominator ? (point.reply.numerator / point.reply.denominator) * 100 : null,
  );
  const seconds = trend.map((point) =>
    point.firstReply.count ? point.firstReply.totalSeconds / point.firstReply.count : null,
  );
  const duration = (value: number) => formatMeanDuration({ totalSeconds: value, count: 1 });
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ dataIndex: number; marker: string }>) => {
        const point = trend[params[0]?.dataIndex ?? 0];
        if (!point) return '';
        return [
          point.day,
          `${params[0]?.marker ?? ''}已回复聊天占比：${formatRatio(point.reply)}`,
          `${params[1]?.marker ?? ''}平均首次回复时长：${formatMeanDuration(point.firstReply)}`,
        ].join('<br/>');
      },
    },
    legend: { data: ['已回复聊天占比', '平均首次回复时长'], top: 0 },
    grid: { left: 56, right: 72, top: 40, bottom: 32 },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((point) => point.day) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', min: 0, axisLabel: { formatter: duration } },
    ],
    series: [
      { name: '已回复聊天占比', type: 'line', data: ratio },
      { name: '平均首次回复时长', type: 'line', yAxisIndex: 1, data: seconds },
    ],
  };
}

/**
 * A pie (客户来源分布, 客户标签分布): hovering shows the count and its share (R-6.1.1-04/05); none (暂无数据) when
 * every count is 0.
 */
export function pieChartOption(
  items: ReadonlyArray<{ name: string; value: number }>,
): EChartsCoreOption | null {
  if (allZero(items.map((item) => item.value))) return null;
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}人 ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', left: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['60%', '50%'],
        label: { formatter: '{b}：{c}' },
        data: items.map((item) => ({ name: item.name, value: item.value })),
      },
    ],
  };
}

/** Whether a chart would only draw zeros: it shows the empty state instead. */
export function allZero(values: Iterable<number | null>): boolean {
  for (const value of values) if (value) return false;
  return true;
}

/** ng-zorro's sort ("ascend"/"descend", or none: the endpoint's default) as the api's sortBy and order. */
export function sortParams(
  params: HttpParams,
  sort: { key: string; order: 'ascend' | 'descend' } | null,
): HttpParams {
  return sort
    ? params.set('sortBy', sort.key).set('order', sort.order === 'ascend' ? 'asc' : 'desc')
    : params;
}

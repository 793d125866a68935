import type {
  SensitiveAnalysis,
  SensitiveAnalysisQuery,
  SensitiveRankingRow,
  SensitiveWordRankingRow,
} from '@contracts/analytics.contract';
import type { EChartsCoreOption } from 'echarts/core';

/** 敏感行为分析 as the api serves it (lib/contracts/analytics.contract.ts). */
export type { SensitiveAnalysis, SensitiveRankingRow, SensitiveWordRankingRow };
export type SensitiveView = SensitiveAnalysisQuery['view'];
export type SensitiveBehavior = keyof SensitiveAnalysis['share'];

/** The filters in force: the charts and both rankings read the same (I-94). */
export interface SensitiveAnalyticsFilters {
  view: SensitiveView;
  status: SensitiveAnalysisQuery['status'];
  result: SensitiveAnalysisQuery['result'];
  /** Unset: from the first trigger until today (R-6.3.1-05). */
  from?: string;
  to?: string;
}

export const DEFAULT_FILTERS: SensitiveAnalyticsFilters = { view: 'staff', status: 'all', result: 'all' };

/** The four behaviours in the manual's order, with its names (R-7.6-02). */
export const BEHAVIORS: ReadonlyArray<[SensitiveBehavior, string]> = [
  ['redpacket', '发红包'],
  ['card', '发名片'],
  ['sensitive-message', '敏感消息'],
  ['delete-friend', '删除好友'],
];

/** The filters as query parameters, unset ones left out: the charts, the tables and 导出 send the same. */
export function filterParams(filters: SensitiveAnalyticsFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** 敏感行为占比 (R-6.3.1-06); null when nothing was triggered, for the empty state. */
export function shareChartOption(analysis: SensitiveAnalysis): EChartsCoreOption | null {
  const data = BEHAVIORS.map(([key, name]) => ({ name, value: analysis.share[key] })).filter(
    (slice) => slice.value > 0,
  );
  if (data.length === 0) return null;
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}次（{d}%）' },
    legend: { bottom: 0, data: BEHAVIORS.map(([, name]) => name) },
    series: [
      {
        name: '敏感行为占比',
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}\n{d}%' },
        data,
      },
    ],
  };
}

/** 敏感行为趋势图 (R-6.3.1-07): a line per behaviour over every day of the range. */
export function behaviorTrendOption(analysis: SensitiveAnalysis): EChartsCoreOption | null {
  if (BEHAVIORS.every(([key]) => analysis.share[key] === 0)) return null;
  return {
    tooltip: { trigger: 'axis' },
    // ECharts 6 puts legends at the bottom by default, over the axis labels of a tight grid.
    legend: { top: 0, data: BEHAVIORS.map(([, name]) => name) },
    grid: { left: 40, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: analysis.trend.map((point) => point.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: BEHAVIORS.map(([key, name]) => ({
      name,
      type: 'line',
      data: analysis.trend.map((point) => point[key]),
    })),
  };
}

/** 敏感词趋势图 (R-6.3.2-02, I-93): a line per TOP5 word. */
export function wordTrendOption(analysis: SensitiveAnalysis): EChartsCoreOption | null {
  const words = analysis.topWords.map((top) => top.word);
  if (words.length === 0) return null;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: words },
    grid: { left: 40, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: analysis.wordTrend.map((point) => point.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: words.map((word) => ({
      name: word,
      type: 'line',
      data: analysis.wordTrend.map((point) => point.counts[word] ?? 0),
    })),
  };
}

/** YYYY-MM-DD of a picked date (the picker's days are the browser's). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

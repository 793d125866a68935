import type { EChartsCoreOption } from 'echarts/core';

import { StaffCode, StaffCodeAdd, StaffCodeTrend } from './staff-codes.models';

/** 活码类型 (R-2.2.1-04). */
export const KIND_LABELS: Record<StaffCode['kind'], string> = { single: '单人', multi: '多人' };
/** 活码状态 (R-2.2.1-06). */
export const STATUS_LABELS: Record<StaffCode['status'], string> = { normal: '正常', abnormal: '异常' };
/** 设置 (R-2.2.3-02). */
export const SKIP_VERIFY_TEXT = '客户添加时无需经过确认自动成为好友';

/** 使用员工 in the list (I-26): the first 3 names joined by "、", then "..." for more. */
export function membersLabel(code: Pick<StaffCode, 'members'>): string {
  const names = code.members.map((member) => member.name);
  if (names.length === 0) return '-';
  return names.length > 3 ? `${names.slice(0, 3).join('、')}...` : names.join('、');
}

/** Where the code stands with WeCom, when it is not simply in step. */
export function syncLabel(code: Pick<StaffCode, 'sync'>): string | null {
  if (code.sync.status === 'pending') return '同步中';
  if (code.sync.status === 'failed')
    return `企业微信拒绝：${code.sync.errmsg ?? ''}${code.sync.errcode ? `（${code.sync.errcode}）` : ''}`;
  return null;
}

/** A welcome's outcome for one added customer. */
export function welcomeOutcome(add: Pick<StaffCodeAdd, 'welcome'>): string {
  switch (add.welcome.status) {
    case 'sent':
      return '已发送';
    case 'pending':
      return '发送中';
    case 'skipped':
      return '未发送';
    case 'failed':
      return `发送失败${add.welcome.errcode ? `（${add.welcome.errcode}）` : ''}`;
  }
}

/** 扫码趋势 (R-2.2.3-03, I-33): new adds per day and the running total. */
export function trendChartOption(trend: StaffCodeTrend): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['新增扫码人数', '累计扫码人数'] },
    grid: { left: 40, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: trend.days.map((day) => day.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新增扫码人数', type: 'line', smooth: true, data: trend.days.map((day) => day.added) },
      { name: '累计扫码人数', type: 'line', smooth: true, data: trend.days.map((day) => day.total) },
    ],
  };
}

/** YYYY-MM-DD of a date in the browser's zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default chart range: the last 30 days up to today (I-33). */
export function lastThirtyDays(today: Date): [string, string] {
  const from = new Date(today);
  from.setDate(from.getDate() - 29);
  return [isoDay(from), isoDay(today)];
}

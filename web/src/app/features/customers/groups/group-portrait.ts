import type { EChartsCoreOption } from 'echarts/core';

import { ExternalMember, MessageTrend } from './customer-groups.models';

/** 客户标签 word cloud (R-3.2.2-06): the more customers carry a tag, the larger it is drawn (12–32 px). */
export function cloudFontSize(count: number, maxCount: number): number {
  if (maxCount <= 1) return 16;
  return Math.round(12 + ((count - 1) / (maxCount - 1)) * 20);
}

/** R-3.2.2-07: a chosen cloud tag shows only its customers; none chosen shows everyone. */
export function membersWithTag(members: readonly ExternalMember[], tagId: string | null): ExternalMember[] {
  return tagId ? members.filter((member) => member.tags.some((tag) => tag.id === tagId)) : [...members];
}

/** The 群画像 trend (R-3.2.2-03): staff vs external contacts per day. */
export function trendChartOption(trend: MessageTrend): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['员工发送', '客户发送'] },
    grid: { left: 40, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: trend.days.map((day) => day.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '员工发送', type: 'line', smooth: true, data: trend.days.map((day) => day.staff) },
      { name: '客户发送', type: 'line', smooth: true, data: trend.days.map((day) => day.customers) },
    ],
  };
}

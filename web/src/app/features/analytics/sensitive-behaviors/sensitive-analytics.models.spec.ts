import { describe, expect, it } from 'vitest';

import {
  behaviorTrendOption,
  filterParams,
  SensitiveAnalysis,
  shareChartOption,
  wordTrendOption,
} from './sensitive-analytics.models';

const zero = { redpacket: 0, card: 0, 'sensitive-message': 0, 'delete-friend': 0 };

const analysis: SensitiveAnalysis = {
  from: '2026-03-01',
  to: '2026-03-02',
  share: { ...zero, card: 1, 'sensitive-message': 3 },
  trend: [
    { day: '2026-03-01', ...zero, 'sensitive-message': 3 },
    { day: '2026-03-02', ...zero, card: 1 },
  ],
  topWords: [
    { word: '垃圾', count: 2 },
    { word: '滚', count: 1 },
  ],
  wordTrend: [
    { day: '2026-03-01', counts: { 垃圾: 2, 滚: 1 } },
    { day: '2026-03-02', counts: { 垃圾: 0, 滚: 0 } },
  ],
};

describe('敏感行为分析 charts (R-6.3)', () => {
  it('pies only the behaviours that happened, with counts and shares in the tooltip', () => {
    const option = shareChartOption(analysis) as { series: Array<{ data: unknown[] }>; tooltip: object };
    expect(option.series[0].data).toEqual([
      { name: '发名片', value: 1 },
      { name: '敏感消息', value: 3 },
    ]);
    expect(option.tooltip).toMatchObject({ trigger: 'item' });
  });

  it('draws a line per behaviour and per TOP5 word over every day (I-93)', () => {
    const trend = behaviorTrendOption(analysis) as { series: Array<{ name: string; data: number[] }> };
    expect(trend.series.map((s) => [s.name, s.data])).toEqual([
      ['发红包', [0, 0]],
      ['发名片', [0, 1]],
      ['敏感消息', [3, 0]],
      ['删除好友', [0, 0]],
    ]);
    const words = wordTrendOption(analysis) as { series: Array<{ name: string; data: number[] }> };
    expect(words.series.map((s) => [s.name, s.data])).toEqual([
      ['垃圾', [2, 0]],
      ['滚', [1, 0]],
    ]);
  });

  it('shows the empty state when nothing was triggered', () => {
    const none = { ...analysis, share: zero, topWords: [] };
    expect(shareChartOption(none)).toBeNull();
    expect(behaviorTrendOption(none)).toBeNull();
    expect(wordTrendOption(none)).toBeNull();
  });

  it('sends only the filters that are set', () => {
    expect(filterParams({ view: 'customer', status: 'all', result: 'violation' })).toEqual({
      view: 'customer',
      status: 'all',
      result: 'violation',
    });
  });
});

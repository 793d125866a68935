import {
  allZero,
  chatTrendOption,
  dayOf,
  defaultFilters,
  defaultRange,
  filterParams,
  formatMeanDuration,
  formatRatio,
  lineChartOption,
  pieChartOption,
  sortParams,
} from './analytics.models';

describe('统计分析 models (R-6-02, R-6-03, I-88)', () => {
  it('defaults 时间 to the 7 days ending yesterday', () => {
    const [from, to] = defaultRange(new Date(2026, 11, 5, 9, 30));
    expect([dayOf(from), dayOf(to)]).toEqual(['2026-11-28', '2026-12-04']);
    expect(defaultFilters(new Date(2026, 0, 3))).toEqual({
      from: '2025-12-27',
      to: '2026-01-02',
      staff: [],
      staffLabel: '全公司',
    });
  });

  it('sends the chosen staff as one list, none when nobody is chosen', () => {
    const filters = { from: '2026-11-01', to: '2026-11-07', staff: [], staffLabel: '全公司' };
    expect(filterParams(filters).toString()).toBe('from=2026-11-01&to=2026-11-07');
    expect(filterParams({ ...filters, staff: ['a', 'b'] }).toString()).toBe(
      'from=2026-11-01&to=2026-11-07&staff=a,b',
    );
  });

  it('maps ng-zorro’s sort to sortBy and order, and none to the endpoint’s default', () => {
    const params = filterParams({ from: '2026-11-01', to: '2026-11-07', staff: [], staffLabel: '' });
    expect(sortParams(params, { key: 'replyRatio', order: 'ascend' }).toString()).toContain(
      'sortBy=replyRatio&order=asc',
    );
    expect(sortParams(params, null).toString()).not.toContain('sortBy');
  });

  it('prints ratios and durations as the exports do, "-" for a zero denominator', () => {
    expect(formatRatio({ numerator: 1, denominator: 2 })).toBe('50.00%');
    expect(formatRatio({ numerator: 0, denominator: 0 })).toBe('-');
    expect(formatMeanDuration({ totalSeconds: 3956, count: 2 })).toBe('00:32:58');
    expect(formatMeanDuration({ totalSeconds: 0, count: 0 })).toBe('-');
  });

  it('draws each day’s ratio of its own sums, a gap on days without chats, and "-" in the tooltip', () => {
    const trend = [
      {
        day: '2026-11-01',
        reply: { numerator: 1, denominator: 4 },
        firstReply: { totalSeconds: 120, count: 1 },
      },
      {
        day: '2026-11-02',
        reply: { numerator: 0, denominator: 0 },
        firstReply: { totalSeconds: 0, count: 0 },
      },
    ];
    const option = chatTrendOption(trend) as {
      series: Array<{ data: Array<number | null> }>;
      tooltip: { formatter: (params: Array<{ dataIndex: number; marker: string }>) => string };
    };
    expect(option.series[0].data).toEqual([25, null]);
    expect(option.series[1].data).toEqual([120, null]);
    const tip = option.tooltip.formatter([
      { dataIndex: 1, marker: '' },
      { dataIndex: 1, marker: '' },
    ]);
    expect(tip).toBe('2026-11-02<br/>已回复聊天占比：-<br/>平均首次回复时长：-');
  });

  it('calls a chart of zeros empty', () => {
    expect(allZero([0, 0, null])).toBe(true);
    expect(allZero([0, 3])).toBe(false);
  });

  it('has no chart (暂无数据) for figures all 0, nor for a trend without customer-started chats', () => {
    expect(lineChartOption(['2026-11-01'], [{ name: '新增客户数', data: [0] }])).toBeNull();
    expect(lineChartOption(['2026-11-01'], [{ name: '新增客户数', data: [2] }])).not.toBeNull();
    expect(pieChartOption([{ name: '其他', value: 0 }])).toBeNull();
    const noChats = { numerator: 0, denominator: 0 };
    expect(
      chatTrendOption([{ day: '2026-11-01', reply: noChats, firstReply: { totalSeconds: 0, count: 0 } }]),
    ).toBeNull();
    // None replied to the chats customers started: 0%, still a chart.
    const unanswered = { numerator: 0, denominator: 2 };
    expect(
      chatTrendOption([{ day: '2026-11-01', reply: unanswered, firstReply: { totalSeconds: 0, count: 0 } }]),
    ).not.toBeNull();
  });
});

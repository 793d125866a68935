import { formatMeanDuration, formatRatio } from './analytics-format';

describe('统计分析 number formats (R-6-03)', () => {
  it('prints a ratio of sums with two decimals, and "-" for a zero denominator', () => {
    expect(formatRatio({ numerator: 1, denominator: 2 })).toBe('50.00%');
    expect(formatRatio({ numerator: 2, denominator: 3 })).toBe('66.67%');
    expect(formatRatio({ numerator: 0, denominator: 0 })).toBe('-');
  });

  it('prints a mean duration as HH:MM:SS, and "-" when nothing was counted', () => {
    expect(formatMeanDuration({ totalSeconds: 1978 * 2, count: 2 })).toBe('00:32:58');
    expect(formatMeanDuration({ totalSeconds: 100 * 3600 + 61, count: 1 })).toBe('100:01:01');
    expect(formatMeanDuration({ totalSeconds: 0, count: 0 })).toBe('-');
  });
});

import { chinaDayEnd, chinaDayStart, dayRange, lastChinaDays } from './china-days';

describe('China business days', () => {
  it('a day starts at 16:00 UTC of the day before and the "to" day is included whole', () => {
    expect(chinaDayStart('2026-11-25').toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(chinaDayEnd('2026-11-25').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(dayRange('2026-11-01', '2026-11-02')).toEqual({
      $gte: new Date('2026-10-31T16:00:00Z'),
      $lt: new Date('2026-11-02T16:00:00Z'),
    });
    expect(dayRange()).toBeUndefined();
  });

  it('the last 7 days end with today in China, even late in the UTC evening', () => {
    const days = lastChinaDays(new Date('2026-11-25T17:30:00Z'), 7);
    expect(days).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });
});

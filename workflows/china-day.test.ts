import { addDays, chinaDayOf, chinaDayStartMs, chinaDayStartSeconds, daysFromTo } from './china-day';

describe('China days', () => {
  it('tells the China day of an instant: 16:00 UTC is already the next day', () => {
    expect(chinaDayOf(Date.parse('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(chinaDayOf(Date.parse('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
  });

  it('moves days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it("gives a day's 00:00 China time in ms and in seconds, as WeCom takes it", () => {
    expect(new Date(chinaDayStartMs('2026-12-05')).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(chinaDayStartSeconds('2026-12-05')).toBe(Date.parse('2026-12-04T16:00:00Z') / 1000);
    expect(Number.isInteger(chinaDayStartSeconds('2026-12-05'))).toBe(true);
  });

  it('lists a range, both ends included', () => {
    expect(daysFromTo('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFromTo('2026-01-01', '2026-12-31')).toHaveLength(365);
  });
});

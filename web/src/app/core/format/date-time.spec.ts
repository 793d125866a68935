import { formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('shows an instant as YYYY-MM-DD HH:mm:ss in local time', () => {
    const local = new Date(2020, 10, 10, 14, 14, 47);
    expect(formatDateTime(local.toISOString())).toBe('2020-11-10 14:14:47');
    expect(formatDateTime(local)).toBe('2020-11-10 14:14:47');
  });

  it('pads single-digit parts with zeros', () => {
    expect(formatDateTime(new Date(2022, 0, 1, 0, 0, 0))).toBe('2022-01-01 00:00:00');
  });

  it('shows "-" for a missing or invalid value', () => {
    expect(formatDateTime(null)).toBe('-');
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('')).toBe('-');
    expect(formatDateTime('not a date')).toBe('-');
  });
});

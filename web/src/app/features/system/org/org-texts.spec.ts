import { describeSeats } from './org-texts';

const at = (...parts: [number, number, number, number, number, number]) =>
  new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]).toISOString();

describe('describeSeats', () => {
  it('shows used/total seats with the effective and expiry times', () => {
    const banner = describeSeats({
      used: 23,
      total: 38,
      effectiveAt: at(2020, 11, 10, 14, 14, 47),
      expiresAt: at(2022, 1, 1, 0, 0, 0),
    });
    expect(banner).toBe(
      '开启系统：已开启账号数量：23/38 生效时间：2020-11-10 14:14:47，到期时间：2022-01-01 00:00:00',
    );
  });
});

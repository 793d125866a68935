import { digestWindowOf } from './digest-window';

const HOUR = 3_600_000;

describe('digestWindowOf', () => {
  it('puts every instant of a clock hour in the same window, ending at the next hour', () => {
    const first = digestWindowOf(new Date('2026-12-06T02:00:00.000Z'), HOUR);
    const last = digestWindowOf(new Date('2026-12-06T02:59:59.999Z'), HOUR);
    expect(first).toEqual(last);
    expect(first).toEqual({
      bucket: '2026-12-06T02:00:00.000Z',
      endsAt: new Date('2026-12-06T03:00:00.000Z'),
    });
  });

  it('starts a new window on the hour', () => {
    expect(digestWindowOf(new Date('2026-12-06T03:00:00.000Z'), HOUR).bucket).toBe(
      '2026-12-06T03:00:00.000Z',
    );
  });
});

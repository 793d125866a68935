import { decideAlerts, type GroupCodeReview } from './group-code.contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-25T04:00:00Z');
const none = { drySoon: false, abnormal: false };
const review = (usable: GroupCodeReview['usable']): GroupCodeReview => ({
  deleted: false,
  name: '双十一',
  status: usable.length ? 'normal' : 'abnormal',
  usable,
});
const group = (id: string, expiresIn: number, remaining = 50, scanLimit = 100) => ({
  id,
  name: id,
  expiresAt: now + expiresIn,
  remaining,
  scanLimit,
});

describe('decideAlerts', () => {
  it('a healthy code sends nothing and wakes at the next expiry or the day before the last one', () => {
    const decision = decideAlerts(review([group('a', 2 * DAY), group('b', 5 * DAY)]), now, none);
    expect(decision.send).toEqual([]);
    expect(decision.wakeAt).toBe(now + 2 * DAY);
    const single = decideAlerts(review([group('a', 3 * DAY)]), now, none);
    expect(single.wakeAt).toBe(now + 2 * DAY);
  });

  it('warns once when the last group is nearly full or everything expires within a day', () => {
    const nearlyFull = decideAlerts(review([group('a', 5 * DAY, 10)]), now, none);
    expect(nearlyFull.send).toEqual(['dry-soon']);
    expect(decideAlerts(review([group('a', 5 * DAY, 9)]), now, nearlyFull.alerted).send).toEqual([]);
    expect(decideAlerts(review([group('a', 20 * HOUR), group('b', 23 * HOUR)]), now, none).send).toEqual([
      'dry-soon',
    ]);
    expect(decideAlerts(review([group('a', 5 * DAY, 10), group('b', 5 * DAY)]), now, none).send).toEqual([]);
  });

  it('reports 异常 once, then waits for a change; it may warn again after the code recovered', () => {
    const abnormal = decideAlerts(review([]), now, none);
    expect(abnormal).toEqual({
      send: ['abnormal'],
      alerted: { abnormal: true, drySoon: true },
      wakeAt: undefined,
    });
    expect(decideAlerts(review([]), now, abnormal.alerted).send).toEqual([]);
    const recovered = decideAlerts(review([group('c', 5 * DAY)]), now, abnormal.alerted);
    expect(recovered.send).toEqual([]);
    expect(decideAlerts(review([]), now, recovered.alerted).send).toEqual(['abnormal']);
  });
});

import { sopDueAt, sopMinuteOf } from '../../workflows/sop-plan.contract';

const at = (iso: string) => Date.parse(iso);

describe('sopDueAt', () => {
  it('an 「N小时M分钟后」 task is due that long after the customer entered', () => {
    const entered = at('2026-12-06T10:17:30+08:00');
    expect(sopDueAt(entered, { mode: 'after', hours: 3, minutes: 5 })).toBe(at('2026-12-06T13:22:30+08:00'));
    expect(sopDueAt(entered, { mode: 'after', hours: 0, minutes: 0 })).toBe(entered);
  });

  it('a 「第N天 HH:MM」 task is due at that time of China’s calendar day, N days after the day entered', () => {
    // 23:30 in Beijing is still the 6th there, though already the 6th 15:30 in UTC.
    const late = at('2026-12-06T23:30:00+08:00');
    expect(sopDueAt(late, { mode: 'days', days: 1, time: '09:00' })).toBe(at('2026-12-07T09:00:00+08:00'));
    // Just after midnight in Beijing (the 6th 16:10 UTC) is the 7th there.
    const early = at('2026-12-07T00:10:00+08:00');
    expect(sopDueAt(early, { mode: 'days', days: 1, time: '09:00' })).toBe(at('2026-12-08T09:00:00+08:00'));
  });

  it('a same-day time already past is due at once, never before the customer entered', () => {
    const entered = at('2026-12-06T10:00:00+08:00');
    expect(sopDueAt(entered, { mode: 'days', days: 0, time: '09:00' })).toBe(entered);
    expect(sopMinuteOf(sopDueAt(entered, { mode: 'days', days: 0, time: '18:00' }))).toBe(
      sopMinuteOf(at('2026-12-06T18:00:00+08:00')),
    );
  });
});

import { codeStatus, groupExpiry, groupStates, isUsable, type GroupFacts } from './group-states';

const now = new Date('2026-11-25T04:00:00Z');
const group = (id: string, position: number, remaining: number, expiresOn = '2026-11-30'): GroupFacts => ({
  id,
  position,
  remaining,
  scanLimit: 10,
  expiresAt: groupExpiry(expiresOn),
});

describe('实际群码 states and 活码状态', () => {
  it('a group expires at 24:00 China time of its 有效期', () => {
    expect(groupExpiry('2026-11-25').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(isUsable(group('a', 0, 1, '2026-11-25'), new Date('2026-11-25T15:59:59Z'))).toBe(true);
    expect(isUsable(group('a', 0, 1, '2026-11-25'), new Date('2026-11-25T16:00:00Z'))).toBe(false);
  });

  it('under 溢出 the first usable group is 使用中 and the later ones 未使用', () => {
    const states = groupStates(
      [group('b', 1, 5), group('a', 0, 0), group('c', 2, 5, '2026-11-24')],
      'overflow',
      now,
    );
    expect(Object.fromEntries(states)).toEqual({ a: 'full', b: 'serving', c: 'expired' });
    const waiting = groupStates([group('a', 0, 5), group('b', 1, 5)], 'overflow', now);
    expect(waiting.get('b')).toBe('waiting');
  });

  it('under 轮流 and 就近 every usable group is 使用中', () => {
    expect([...groupStates([group('a', 0, 5), group('b', 1, 5)], 'round-robin', now).values()]).toEqual([
      'serving',
      'serving',
    ]);
  });

  it('is 异常 exactly when no group is usable, also with no group at all', () => {
    expect(codeStatus([group('a', 0, 0), group('b', 1, 3, '2026-11-24')], now)).toBe('abnormal');
    expect(codeStatus([], now)).toBe('abnormal');
    expect(codeStatus([group('a', 0, 0), group('b', 1, 1)], now)).toBe('normal');
  });
});

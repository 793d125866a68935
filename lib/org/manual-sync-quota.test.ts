import { businessDay, decideManualSync } from './manual-sync-quota';

const at = (iso: string) => new Date(iso);

describe('manual sync quota', () => {
  it('allows the first manual sync of the day in slot 1', () => {
    expect(decideManualSync(at('2026-11-25T02:00:00Z'), [])).toEqual({
      allowed: true,
      quotaDay: '2026-11-25',
      quotaSlot: 1,
    });
  });

  it('refuses a second sync within ten minutes and says when it becomes possible', () => {
    const decision = decideManualSync(at('2026-11-25T02:09:59Z'), [at('2026-11-25T02:00:00Z')]);
    expect(decision).toEqual({
      allowed: false,
      reason: '距离上次同步不足 10 分钟，请稍后再试',
      nextAllowedAt: at('2026-11-25T02:10:00Z'),
    });
  });

  it('allows the second sync ten minutes after the first, in slot 2', () => {
    const decision = decideManualSync(at('2026-11-25T02:10:00Z'), [at('2026-11-25T02:00:00Z')]);
    expect(decision).toMatchObject({ allowed: true, quotaSlot: 2 });
  });

  it('refuses a third sync on the same day', () => {
    const decision = decideManualSync(at('2026-11-25T09:00:00Z'), [
      at('2026-11-25T02:00:00Z'),
      at('2026-11-25T03:00:00Z'),
    ]);
    expect(decision).toEqual({
      allowed: false,
      reason: '每天最多手动同步 2 次，请明天再试',
      nextAllowedAt: null,
    });
  });

  it('counts days in China time: 23:30 UTC is already the next day', () => {
    expect(businessDay(at('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(businessDay(at('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});

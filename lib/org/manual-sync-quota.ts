/**
 * The manual's rule for the 同步 button (R-7.1.2-02, R-3.2.1-02): at most two manual syncs per
 * natural day (China time, the product's business day) and at least ten minutes between them.
 */
export const MANUAL_SYNCS_PER_DAY = 2;
export const MANUAL_SYNC_MIN_GAP_MS = 10 * 60 * 1000;

export type ManualSyncDecision =
  | { allowed: true; quotaDay: string; quotaSlot: number }
  | { allowed: false; reason: string; nextAllowedAt: Date | null };

const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in China time, as YYYY-MM-DD. */
export function businessDay(at: Date): string {
  return chinaDay.format(at);
}

export function decideManualSync(now: Date, manualStartsToday: Date[]): ManualSyncDecision {
  if (manualStartsToday.length >= MANUAL_SYNCS_PER_DAY) {
    return {
      allowed: false,
      reason: `每天最多手动同步 ${MANUAL_SYNCS_PER_DAY} 次，请明天再试`,
      nextAllowedAt: null,
    };
  }
  const latest = Math.max(0, ...manualStartsToday.map((d) => d.getTime()));
  const nextAllowed = latest + MANUAL_SYNC_MIN_GAP_MS;
  if (latest > 0 && now.getTime() < nextAllowed) {
    return {
      allowed: false,
      reason: '距离上次同步不足 10 分钟，请稍后再试',
      nextAllowedAt: new Date(nextAllowed),
    };
  }
  return { allowed: true, quotaDay: businessDay(now), quotaSlot: manualStartsToday.length + 1 };
}

/** When the next manual sync may start, for the admin to show; null when none is left today. */
export function nextManualSyncAt(now: Date, manualStartsToday: Date[]): Date | null {
  const decision = decideManualSync(now, manualStartsToday);
  return decision.allowed ? now : decision.nextAllowedAt;
}

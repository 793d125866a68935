/**
 * China days (UTC+8 all year, no daylight saving) by arithmetic alone, here so that workflows may use them: the
 * daily rollup decides "yesterday" from workflow time and the backfill walks its days, the same on every replay.
 * The rollup and the api use them too.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China day (YYYY-MM-DD) of an instant. */
export function chinaDayOf(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 00:00 of a China day, in epoch milliseconds. */
export function chinaDayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS;
}

/** 00:00 of a China day in epoch seconds: what WeCom's statistics calls take (API.md §10, never milliseconds). */
export function chinaDayStartSeconds(day: string): number {
  return chinaDayStartMs(day) / 1000;
}

/** The days from `from` to `to`, both included, oldest first. */
export function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

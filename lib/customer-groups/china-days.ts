import { businessDay } from '../org/manual-sync-quota';

/** Date ranges in the product's business day (China time, UTC+8 all year: no daylight saving). */

/** The first instant of a YYYY-MM-DD day in China. */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The first instant after a YYYY-MM-DD day in China: an inclusive "to" day as an exclusive bound. */
export function chinaDayEnd(day: string): Date {
  return new Date(chinaDayStart(day).getTime() + 24 * 60 * 60 * 1000);
}

/** The last `count` China days up to and including today's, oldest first. */
export function lastChinaDays(now: Date, count: number): string[] {
  const today = chinaDayStart(businessDay(now)).getTime();
  return Array.from({ length: count }, (_, index) =>
    businessDay(new Date(today - (count - 1 - index) * 24 * 60 * 60 * 1000 + 12 * 60 * 60 * 1000)),
  );
}

/** A Mongo range on a date field from optional inclusive YYYY-MM-DD days (as the date-range picker shows them). */
export function dayRange(from?: string, to?: string): { $gte?: Date; $lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { $gte: chinaDayStart(from) } : {}),
    ...(to ? { $lt: chinaDayEnd(to) } : {}),
  };
}

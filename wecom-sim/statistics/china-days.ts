/** WeCom's statistics count by natural day in China time (UTC+8, no daylight saving). */
export const DAY_SECONDS = 86_400;
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** 00:00 China time of the day `seconds` falls in, in seconds. */
export function chinaDayStart(seconds: number): number {
  return Math.floor((seconds + CHINA_OFFSET_SECONDS) / DAY_SECONDS) * DAY_SECONDS - CHINA_OFFSET_SECONDS;
}

/** The 00:00 of each day from `firstDay` to `lastDay`, both 00:00 China time and included. */
export function daysFrom(firstDay: number, lastDay: number): number[] {
  const days: number[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY_SECONDS) days.push(day);
  return days;
}

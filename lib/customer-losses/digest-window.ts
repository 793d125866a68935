/**
 * 流失提醒 digests go out once per window (an hour) per recipient: a loss belongs to the window in which it
 * was recorded, and that window's digest is sent when it ends. Windows are aligned to the epoch, so an hour's
 * window is a clock hour (China time has a whole-hour offset).
 */
export function digestWindowOf(recordedAt: Date, windowMs: number): { bucket: string; endsAt: Date } {
  const start = Math.floor(recordedAt.getTime() / windowMs) * windowMs;
  return { bucket: new Date(start).toISOString(), endsAt: new Date(start + windowMs) };
}

/** A tenth of the window, at most 30 s: long enough for a start racing the window's end, short in tests. */
export function digestSendAt(endsAt: Date, windowMs: number): number {
  return endsAt.getTime() + Math.min(30_000, Math.floor(windowMs / 10));
}

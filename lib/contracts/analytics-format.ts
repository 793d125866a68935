/**
 * 统计分析's number formats (R-6-03), shared by the admin and the Excel exports so both print the same text.
 * No imports: the admin loads this file as it is (through its `@contracts/*` path).
 */

/** Σ numerators / Σ denominators as "50.00%", or "-" for a zero denominator (I-88). */
export function formatRatio(ratio: { numerator: number; denominator: number }): string {
  if (ratio.denominator === 0) return '-';
  return `${((ratio.numerator / ratio.denominator) * 100).toFixed(2)}%`;
}

/** Σ seconds / count as "HH:MM:SS" (hours may pass 99), or "-" when nothing was counted. */
export function formatMeanDuration(duration: { totalSeconds: number; count: number }): string {
  if (duration.count === 0) return '-';
  const seconds = Math.round(duration.totalSeconds / duration.count);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

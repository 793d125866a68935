/** The p-th percentile (0–100) of ascending samples: the sample at that rank, the last one at most. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

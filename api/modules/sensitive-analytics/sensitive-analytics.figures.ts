import { SENSITIVE_BEHAVIORS } from '../../../lib/contracts/sensitive-behavior-settings.contract';

/** 敏感行为分析's pure arithmetic (unit-tested): days, counts per behaviour, word pairs, sorted rankings. */

export type Behavior = (typeof SENSITIVE_BEHAVIORS)[number];
export type BehaviorCounts = Record<Behavior, number>;

const DAY_MS = 86_400_000;

/** Every YYYY-MM-DD day from `from` to `to`, both included (the trend shows the days without hits too). */
export function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

export function zeroCounts(): BehaviorCounts {
  return Object.fromEntries(SENSITIVE_BEHAVIORS.map((behavior) => [behavior, 0])) as BehaviorCounts;
}

/** Counts from a terms aggregation's buckets on `behavior`. */
export function behaviorCounts(buckets: ReadonlyArray<{ key: unknown; doc_count: number }>): BehaviorCounts {
  const counts = zeroCounts();
  for (const bucket of buckets)
    if ((SENSITIVE_BEHAVIORS as readonly unknown[]).includes(bucket.key))
      counts[bucket.key as Behavior] = bucket.doc_count;
  return counts;
}

/**
 * One (word, message) pair, with the message's day and sender: the alert rows are one per rule per message,
 * so a word of two rules hit by one message comes from two rows but is one pair (I-94).
 */
export interface WordPair {
  word: string;
  day: string;
  from: string;
}

/** What 敏感词 TOP5, its trend and 敏感词触发排名 need from the pairs: counts per word, per word and day, per sender. */
export interface WordTally {
  byWord: Map<string, number>;
  byWordDay: Map<string, Map<string, number>>;
  bySender: Map<string, number>;
}

export function emptyWordTally(): WordTally {
  return { byWord: new Map(), byWordDay: new Map(), bySender: new Map() };
}

export function tallyWordPair(tally: WordTally, pair: WordPair): void {
  const add = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  add(tally.byWord, pair.word);
  const days = tally.byWordDay.get(pair.word) ?? new Map<string, number>();
  tally.byWordDay.set(pair.word, days);
  add(days, pair.day);
  add(tally.bySender, pair.from);
}

/** The TOP5 words (R-6.3.2-01): most hits first, ties by the word so the order never flickers. */
export function topWords(tally: WordTally, count = 5): Array<{ word: string; count: number }> {
  return [...tally.byWord]
    .map(([word, hits]) => ({ word, count: hits }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, count);
}

/**
 * Rows in the asked order by one numeric column; ties by 违规总次数 (or hits) descending, then by id, so that
 * pages never overlap. `rank` is the place in that order, counted from 1.
 */
export function rankRows<T extends { id: string }>(
  rows: readonly T[],
  value: (row: T) => number,
  order: 'asc' | 'desc',
  tieBreak: (row: T) => number,
): Array<T & { rank: number }> {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows]
    .sort(
      (a, b) =>
        sign * (value(a) - value(b)) || tieBreak(b) - tieBreak(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((row, index) => ({ ...row, rank: index + 1 }));
}

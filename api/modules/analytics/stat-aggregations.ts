import type { estypes } from '@elastic/elasticsearch';
import { withListIndex, type ListReadModel, type ListSearch } from '../../../lib/search/list-read-model';

/**
 * The aggregations 统计分析 reads its daily rollups with (lib/search/staff-day-stat-index.ts,
 * owner-day-group-stat-index.ts): sums of flat numeric fields, over a range, per day or per member, so that a
 * year × hundreds of staff is one request that returns sums, never the rows.
 */

type Query = estypes.QueryDslQueryContainer;
type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;
export type Sums<F extends string> = Record<F, number>;

/** `{ field: { sum: { field } } }` for each field: the sub-aggregations whose values are the sums. */
export function sumAggregations(fields: readonly string[]): Aggregations {
  return Object.fromEntries(fields.map((field) => [field, { sum: { field } }]));
}

/** The sums named `fields` in a bucket (or the top level) of an answer; 0 where nothing matched. */
export function sumsOf<F extends string>(bucket: unknown, fields: readonly F[]): Sums<F> {
  const values = bucket as Record<string, { value?: number | null } | undefined>;
  return Object.fromEntries(fields.map((field) => [field, values[field]?.value ?? 0])) as Sums<F>;
}

/** One aggregation request (no hits) against a read model's alias. */
export async function aggregate<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  query: Query,
  aggs: Aggregations,
): Promise<Record<string, unknown>> {
  const result = await withListIndex(search, model, (names) =>
    search.es.search({ index: names.alias, size: 0, track_total_hits: false, query, aggs }),
  );
  return (result.aggregations ?? {}) as Record<string, unknown>;
}

/** Every day from `from` to `to`, both YYYY-MM-DD and included, oldest first. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** A date_histogram of a day field, one bucket per day that has rows, with sub-aggregations. */
export function perDay(subAggregations: Aggregations): estypes.AggregationsAggregationContainer {
  return {
    date_histogram: { field: 'day', calendar_interval: 'day', format: 'yyyy-MM-dd' },
    aggs: subAggregations,
  };
}

/**
 * The sums of `fields` on each day of `days` (zeros on days without rows: the trend shows every day of the
 * range, I-88), from a `perDay` answer.
 */
export function sumsPerDay<F extends string>(
  histogram: unknown,
  days: readonly string[],
  fields: readonly F[],
): Array<Sums<F> & { day: string }> {
  const buckets = ((histogram as { buckets?: Array<{ key_as_string: string }> } | undefined)?.buckets ??
    []) as Array<{ key_as_string: string }>;
  const byDay = new Map(buckets.map((bucket) => [bucket.key_as_string, bucket]));
  return days.map((day) => ({ day, ...sumsOf(byDay.get(day) ?? {}, fields) }));
}

/**
 * At most this many members in one ranking: a tenant's staff is a few thousand at most, and the terms
 * aggregation must hold every member (below search.max_buckets).
 */
const MAX_MEMBERS = 50_000;

/**
 * 员工分析's sums: one bucket per member (`field`: userid or owner) with `aggs` in it, for every member with rows
 * in the filter. The api sorts and pages these sums: the ratio columns are quotients of two sums, which
 * Elasticsearch would sort only with scripts and bucket_sort (modules the test stack's distribution lacks).
 */
export async function sumsPerMember<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  query: Query,
  field: 'userid' | 'owner',
  aggs: Aggregations,
): Promise<Array<Record<string, unknown> & { key: string }>> {
  const aggregations = await aggregate(search, model, query, {
    members: { terms: { field, size: MAX_MEMBERS }, aggs },
  });
  return (aggregations.members as { buckets: Array<Record<string, unknown> & { key: string }> }).buckets;
}

import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../../../lib/access/data-scope';
import type { SensitiveAnalysisQuery } from '../../../lib/contracts/analytics.contract';
import { chinaDayEnd, chinaDayStart } from '../../../lib/customer-groups/china-days';
import { businessDay } from '../../../lib/org/manual-sync-quota';
import { withListIndex, type ListSearch } from '../../../lib/search/list-read-model';
import { sensitiveAlertReadModel } from '../../../lib/search/sensitive-alert-index';
import { loadBehaviorSettings } from '../../../lib/sensitive/behavior-settings';
import {
  behaviorCounts,
  emptyWordTally,
  tallyWordPair,
  type BehaviorCounts,
  type WordTally,
} from './sensitive-analytics.figures';

/**
 * 敏感行为分析 as Elasticsearch aggregations over the 敏感行为审核 read model (one document per alert
 * row, lib/search/sensitive-alert-index.ts): the same records the review list shows, never a MongoDB scan.
 */

type Query = estypes.QueryDslQueryContainer;
const TIME_ZONE = 'Asia/Shanghai';
const DAY_FORMAT = 'yyyy-MM-dd';

/** The filters with the range filled in (R-6.3.1-05). */
export type SensitiveFilters = Omit<SensitiveAnalysisQuery, 'from' | 'to'> & { from: string; to: string };

/**
 * The rows a caller's filters select: the tenant's, inside the caller's 数据权限 as the review list applies it
 * (a conversation member in scope); sent by customers (只看客户), or by staff within today's 审计范围 (只看员工,
 * R-6.3.1-02: an empty 被审计员工 audits everyone); 状态 and 审核结果; the range as China days.
 */
export async function sensitiveFilter(
  tenantId: string,
  scope: StaffScope,
  filters: Omit<SensitiveFilters, 'from' | 'to'> & { from?: string; to?: string },
): Promise<Query[]> {
  const must: Query[] = [{ term: { tenantId } }, ...scopeFilter(scope)];
  if (filters.view === 'customer') must.push({ term: { senderType: 'external' } });
  else {
    must.push({ term: { senderType: 'staff' } });
    const { auditedUserids } = await loadBehaviorSettings(tenantId);
    if (auditedUserids.length > 0) must.push({ terms: { from: auditedUserids } });
  }
  if (filters.status === 'pending') must.push({ term: { status: 'pending' } });
  if (filters.status === 'reviewed') must.push({ terms: { status: ['violation', 'dismissed'] } });
  if (filters.result !== 'all') must.push({ term: { status: filters.result } });
  if (filters.from || filters.to) {
    must.push({
      range: {
        triggeredAt: {
          ...(filters.from ? { gte: chinaDayStart(filters.from).toISOString() } : {}),
          ...(filters.to ? { lt: chinaDayEnd(filters.to).toISOString() } : {}),
        },
      },
    });
  }
  return must;
}

const scopeFilter = (scope: StaffScope): Query[] =>
  scope.all ? [] : [{ terms: { staffUserids: scope.userids } }];

function aggregate(search: ListSearch, request: Omit<estypes.SearchRequest, 'index'>) {
  return withListIndex(search, sensitiveAlertReadModel, (names) =>
    search.es.search({ index: names.alias, size: 0, track_total_hits: false, ...request }),
  );
}

/**
 * The range a request covers: the days it names, else from the first trigger the caller can see (a min
 * aggregation; today when there is none) until today, in China days (R-6.3.1-05).
 */
export async function resolveRange(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  range: { from?: string; to?: string },
  now = new Date(),
): Promise<{ from: string; to: string }> {
  const today = businessDay(now);
  if (range.from) return { from: range.from, to: range.to ?? today };
  const result = await aggregate(search, {
    query: { bool: { filter: [{ term: { tenantId } }, ...scopeFilter(scope)] } },
    aggs: { first: { min: { field: 'triggeredAt' } } },
  });
  const first = (result.aggregations?.first as estypes.AggregationsMinAggregate | undefined)?.value;
  const firstDay = first == null ? today : businessDay(new Date(first));
  const to = range.to ?? today;
  return { from: firstDay < to ? firstDay : to, to };
}

/** 敏感行为占比 and 敏感行为趋势图: rows per behaviour, in all and per China day. */
export async function behaviorFigures(
  search: ListSearch,
  filter: Query[],
): Promise<{ share: BehaviorCounts; byDay: Map<string, BehaviorCounts> }> {
  const result = await aggregate(search, {
    query: { bool: { filter } },
    aggs: {
      share: { terms: { field: 'behavior', size: 10 } },
      days: {
        date_histogram: {
          field: 'triggeredAt',
          calendar_interval: 'day',
          time_zone: TIME_ZONE,
          format: DAY_FORMAT,
          min_doc_count: 1,
        },
        aggs: { behaviors: { terms: { field: 'behavior', size: 10 } } },
      },
    },
  });
  type Terms = { buckets: Array<{ key: string; doc_count: number }> };
  const aggs = result.aggregations as
    | {
        share: Terms;
        days: { buckets: Array<{ key_as_string: string; behaviors: Terms }> };
      }
    | undefined;
  return {
    share: behaviorCounts(aggs?.share.buckets ?? []),
    byDay: new Map(
      (aggs?.days.buckets ?? []).map((day) => [day.key_as_string, behaviorCounts(day.behaviors.buckets)]),
    ),
  };
}

/** Composite aggregation pages: big enough for few round trips, far below the cluster's bucket limit. */
const COMPOSITE_PAGE = 5000;

/**
 * Every (word, message) pair of the filtered 敏感消息 rows, as composite buckets: a word found by two rules in
 * one message is one bucket, so counts are exact distinct messages per word (I-94), unlike a cardinality
 * estimate. A message has one day and one sender, so those two sources add no buckets.
 */
export async function wordTally(search: ListSearch, filter: Query[]): Promise<WordTally> {
  const tally = emptyWordTally();
  let after: Record<string, estypes.FieldValue> | undefined;
  for (;;) {
    const result = await aggregate(search, {
      query: { bool: { filter: [...filter, { term: { behavior: 'sensitive-message' } }] } },
      aggs: {
        pairs: {
          composite: {
            size: COMPOSITE_PAGE,
            sources: [
              { word: { terms: { field: 'words' } } },
              { msgid: { terms: { field: 'msgid' } } },
              {
                day: {
                  date_histogram: {
                    field: 'triggeredAt',
                    calendar_interval: 'day',
                    time_zone: TIME_ZONE,
                    format: DAY_FORMAT,
                  },
                },
              },
              { from: { terms: { field: 'from' } } },
            ],
            ...(after ? { after } : {}),
          },
        },
      },
    });
    const pairs = result.aggregations?.pairs as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (pairs?.buckets ?? []) as estypes.AggregationsCompositeBucket[];
    for (const { key } of buckets)
      tallyWordPair(tally, { word: String(key.word), day: String(key.day), from: String(key.from) });
    if (buckets.length < COMPOSITE_PAGE || !pairs?.after_key) return tally;
    after = pairs.after_key;
  }
}

/**
 * 触发敏感行为排名's counts: per sender, rows per behaviour, for every sender the filter selects (composite
 * pages), so the ranking can be sorted by any column and paged exactly.
 */
export async function senderCounts(
  search: ListSearch,
  filter: Query[],
): Promise<Array<{ id: string; counts: BehaviorCounts }>> {
  const senders: Array<{ id: string; counts: BehaviorCounts }> = [];
  let after: Record<string, estypes.FieldValue> | undefined;
  for (;;) {
    const result = await aggregate(search, {
      query: { bool: { filter } },
      aggs: {
        senders: {
          composite: {
            size: COMPOSITE_PAGE,
            sources: [{ from: { terms: { field: 'from' } } }],
            ...(after ? { after } : {}),
          },
          aggs: { behaviors: { terms: { field: 'behavior', size: 10 } } },
        },
      },
    });
    const page = result.aggregations?.senders as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (page?.buckets ?? []) as Array<
      estypes.AggregationsCompositeBucket & {
        behaviors: { buckets: Array<{ key: string; doc_count: number }> };
      }
    >;
    for (const bucket of buckets)
      senders.push({ id: String(bucket.key.from), counts: behaviorCounts(bucket.behaviors.buckets) });
    if (buckets.length < COMPOSITE_PAGE || !page?.after_key) return senders;
    after = page.after_key;
  }
}

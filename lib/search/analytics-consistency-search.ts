import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import {
  COMPARED_STAFF_FIELDS,
  type ComparedStaffField,
  type ConsistencyQuery,
} from '../contracts/analytics.contract';
import { withListIndex, type ListSearch } from './list-read-model';
import { staffDayStatReadModel, type StaffDayStatDocument } from './staff-day-stat-index';

type Query = estypes.QueryDslQueryContainer;
type Counts = Record<ComparedStaffField, { wecom: number; ours: number }>;

/**
 * The staff × day documents 数据核对 reads: the tenant's days in range for which WeCom answered, of the selected
 * staff within the caller's 数据权限 (none when the selection lies outside it).
 */
function consistencyFilter(tenantId: string, query: ConsistencyQuery, scope: StaffScope): Query[] {
  const filter: Query[] = [
    { term: { tenantId } },
    { term: { hasWecom: true } },
    { range: { day: { gte: query.from, lte: query.to, format: 'yyyy-MM-dd' } } },
  ];
  const selected = query.staff?.length ? query.staff : null;
  const visible = scope.all
    ? selected
    : (selected ?? scope.userids).filter((id) => scope.userids.includes(id));
  if (visible) filter.push({ terms: { userid: visible } });
  if (query.onlyDifferent) {
    // Two fields of one document compared: a script query, over the range's few thousand documents at most.
    filter.push({
      script: {
        script: {
          source: COMPARED_STAFF_FIELDS.map(
            (field) => `doc['ours.${field}'].value != doc['wecom.${field}'].value`,
          ).join(' || '),
        },
      },
    });
  }
  return filter;
}

function countsOf(document: Pick<StaffDayStatDocument, 'ours' | 'wecom'>): Counts {
  return Object.fromEntries(
    COMPARED_STAFF_FIELDS.map((field) => [
      field,
      { wecom: document.wecom[field], ours: document.ours[field] },
    ]),
  ) as Counts;
}

/** A page of 数据核对's days, newest first, and the sums of both sources over everything the filter keeps. */
export async function searchConsistencyRows(
  search: ListSearch,
  tenantId: string,
  query: ConsistencyQuery,
  scope: StaffScope,
): Promise<{
  rows: Array<{ day: string; userid: string; counts: Counts; differs: boolean }>;
  total: number;
  totals: Counts;
}> {
  const sums = Object.fromEntries(
    COMPARED_STAFF_FIELDS.flatMap((field) => [
      [`wecom_${field}`, { sum: { field: `wecom.${field}` } }],
      [`ours_${field}`, { sum: { field: `ours.${field}` } }],
    ]),
  );
  const result = await withListIndex(search, staffDayStatReadModel, (names) =>
    search.es.search<Pick<StaffDayStatDocument, 'day' | 'userid' | 'ours' | 'wecom'>>({
      index: names.alias,
      query: { bool: { filter: consistencyFilter(tenantId, query, scope) } },
      sort: [{ day: { order: 'desc' } }, { userid: { order: 'asc' } }],
      from: (query.page - 1) * query.pageSize,
      size: query.pageSize,
      track_total_hits: true,
      _source: ['day', 'userid', 'ours', 'wecom'],
      aggs: sums,
    }),
  );
  const sum = (name: string) =>
    Math.round((result.aggregations?.[name] as estypes.AggregationsSumAggregate | undefined)?.value ?? 0);
  const totals = Object.fromEntries(
    COMPARED_STAFF_FIELDS.map((field) => [
      field,
      { wecom: sum(`wecom_${field}`), ours: sum(`ours_${field}`) },
    ]),
  ) as Counts;
  const rows = result.hits.hits.flatMap((hit) => {
    if (!hit._source) return [];
    const counts = countsOf(hit._source);
    const differs = COMPARED_STAFF_FIELDS.some((field) => counts[field].wecom !== counts[field].ours);
    return [{ day: hit._source.day, userid: hit._source.userid, counts, differs }];
  });
  const total = result.hits.total;
  return { rows, total: typeof total === 'number' ? total : (total?.value ?? 0), totals };
}

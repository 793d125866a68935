import {
  COMPARED_STAFF_FIELDS,
  type ComparedStaffField,
  type ConsistencyPage,
  type ConsistencyQuery,
} from '../../../lib/contracts/analytics.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { withListIndex } from '../../../lib/search/list-read-model';
import { staffDayStatReadModel, type StaffDayStatDocument } from '../../../lib/search/staff-day-stat-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { analyticsStaff, statFilter } from './analytics-scope';
import { sumAggregations, sumsOf } from './stat-aggregations';

type Counts = ConsistencyPage['totals'];
type Compared = Pick<StaffDayStatDocument, 'day' | 'userid' | 'ours' | 'wecom' | 'differs'>;

const countsOf = (pick: (field: ComparedStaffField) => { wecom: number; ours: number }): Counts =>
  Object.fromEntries(COMPARED_STAFF_FIELDS.map((field) => [field, pick(field)])) as Counts;

/**
 * 数据核对 (issue 17): the staff × day rows for which WeCom's 联系客户统计 answered, its counts beside the ones our
 * own events and chat archive give (the pages show WeCom's), newest first, within the caller's 数据权限; only
 * the differing ones on request; and the sums of both over everything the filter keeps.
 */
export async function consistencyPage(
  caller: Caller,
  query: ConsistencyQuery,
  deps: Pick<AppContext, 'listSearch'>,
): Promise<ConsistencyPage> {
  const staff = await analyticsStaff(caller, query.staff);
  const scoped = statFilter(caller.tenantId, query, staff, 'userid');
  const filter = [
    scoped,
    { term: { hasWecom: true } },
    ...(query.onlyDifferent ? [{ term: { differs: true } }] : []),
  ];
  const sums = COMPARED_STAFF_FIELDS.flatMap((field) => [`wecom.${field}`, `ours.${field}`]);
  const result = await withListIndex(deps.listSearch, staffDayStatReadModel, (names) =>
    deps.listSearch.es.search<Compared>({
      index: names.alias,
      query: { bool: { filter } },
      sort: [{ day: { order: 'desc' } }, { userid: { order: 'asc' } }],
      from: (query.page - 1) * query.pageSize,
      size: query.pageSize,
      track_total_hits: true,
      _source: ['day', 'userid', 'ours', 'wecom', 'differs'],
      aggs: sumAggregations(sums),
    }),
  );
  const summed = sumsOf(result.aggregations ?? {}, sums);
  const rows = result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  const names = await staffNamesByUserid(
    caller.tenantId,
    rows.map((row) => row.userid),
  );
  const total = result.hits.total;
  return {
    items: rows.map((row) => ({
      day: row.day,
      userid: row.userid,
      name: names.get(row.userid) ?? row.userid,
      counts: countsOf((field) => ({ wecom: row.wecom[field], ours: row.ours[field] })),
      differs: row.differs,
    })),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    totals: countsOf((field) => ({
      wecom: Math.round(summed[`wecom.${field}`]),
      ours: Math.round(summed[`ours.${field}`]),
    })),
  };
}

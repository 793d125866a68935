import type {
  StaffContactExportQuery,
  StaffContactQuery,
  StaffContactRow,
  StaffGroupExportQuery,
  StaffGroupQuery,
  StaffGroupRow,
} from '../../../lib/contracts/analytics.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { ownerDayGroupStatReadModel } from '../../../lib/search/owner-day-group-stat-index';
import { staffDayStatReadModel } from '../../../lib/search/staff-day-stat-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { analyticsStaff, statFilter } from './analytics-scope';
import { CONTACT_SORT_VALUES, GROUP_SORT_VALUES, rankRows } from './member-ranking';
import { sumAggregations, sumsOf, sumsPerMember } from './stat-aggregations';

type Deps = Pick<AppContext, 'listSearch'>;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const CONTACT_FIELDS = [
  'newApply',
  'newContact',
  'chatCnt',
  'messageCnt',
  'replyNumerator',
  'replyDenominator',
  'firstReplySeconds',
  'firstReplyCount',
  'deletedByCustomer',
] as const;

/**
 * 客户沟通 (R-6.2-02/03, I-91): one row per member in scope with rows in the range, every numeric column
 * sortable; ratios as Σ numerators / Σ denominators. Elasticsearch sums each member's days, the api sorts
 * the members (a few thousand at most) and cuts the page.
 */
export async function staffContactPage(
  caller: Caller,
  query: StaffContactQuery,
  deps: Deps,
): Promise<Page<StaffContactRow>> {
  const { rows, total } = await staffContactRows(caller, query, deps, {
    from: (query.page - 1) * query.pageSize,
    size: query.pageSize,
  });
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** 客户沟通's rows in the table's order: a page of them, or all (the export). */
export async function staffContactRows(
  caller: Caller,
  query: StaffContactExportQuery,
  { listSearch }: Deps,
  page?: { from: number; size: number },
): Promise<{ rows: StaffContactRow[]; total: number }> {
  const staff = await analyticsStaff(caller, query.staff);
  const buckets = await sumsPerMember(
    listSearch,
    staffDayStatReadModel,
    statFilter(caller.tenantId, query, staff, 'userid'),
    'userid',
    sumAggregations(CONTACT_FIELDS),
  );
  const members = buckets.map((bucket) => {
    const sums = sumsOf(bucket, CONTACT_FIELDS);
    return {
      userid: bucket.key,
      name: '',
      newApply: sums.newApply,
      newContact: sums.newContact,
      chatCnt: sums.chatCnt,
      messageCnt: sums.messageCnt,
      reply: { numerator: sums.replyNumerator, denominator: sums.replyDenominator },
      firstReply: { totalSeconds: sums.firstReplySeconds, count: sums.firstReplyCount },
      deletedByCustomer: sums.deletedByCustomer,
    };
  });
  const ranked = rankRows(members, CONTACT_SORT_VALUES[query.sortBy], query.order);
  return { rows: await named(caller.tenantId, pageOf(ranked, page)), total: members.length };
}

const GROUP_TOTAL_FIELDS = ['chatTotal', 'memberTotal'] as const;
const GROUP_COUNT_FIELDS = ['newChat', 'chatHasMsg', 'newMember', 'memberHasMsg', 'msgTotal'] as const;

/** Each sortable column of 客户群沟通: totals as of the range's last day, the rest summed over the range. */
function groupAggregations(lastDay: string) {
  return {
    ...sumAggregations(GROUP_COUNT_FIELDS),
    lastDay: { filter: { term: { day: lastDay } }, aggs: sumAggregations(GROUP_TOTAL_FIELDS) },
  };
}

/** 客户群沟通 (R-6.2-04/05): one row per 群主 in scope with rows in the range, sorted and paged as 客户沟通. */
export async function staffGroupPage(
  caller: Caller,
  query: StaffGroupQuery,
  deps: Deps,
): Promise<Page<StaffGroupRow>> {
  const { rows, total } = await staffGroupRows(caller, query, deps, {
    from: (query.page - 1) * query.pageSize,
    size: query.pageSize,
  });
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** 客户群沟通's rows in the table's order: a page of them, or all (the export). */
export async function staffGroupRows(
  caller: Caller,
  query: StaffGroupExportQuery,
  { listSearch }: Deps,
  page?: { from: number; size: number },
): Promise<{ rows: StaffGroupRow[]; total: number }> {
  const staff = await analyticsStaff(caller, query.staff);
  const buckets = await sumsPerMember(
    listSearch,
    ownerDayGroupStatReadModel,
    statFilter(caller.tenantId, query, staff, 'owner'),
    'owner',
    groupAggregations(query.to),
  );
  const owners = buckets.map((bucket) => ({
    userid: bucket.key,
    name: '',
    ...sumsOf(bucket.lastDay, GROUP_TOTAL_FIELDS),
    ...sumsOf(bucket, GROUP_COUNT_FIELDS),
  }));
  const ranked = rankRows(owners, GROUP_SORT_VALUES[query.sortBy], query.order);
  return { rows: await named(caller.tenantId, pageOf(ranked, page)), total: owners.length };
}

const pageOf = <R>(rows: R[], page?: { from: number; size: number }) =>
  page ? rows.slice(page.from, page.from + page.size) : rows;

/** The rows shown, with their members' names (read for those rows only). */
async function named<R extends { userid: string; name: string }>(tenantId: string, rows: R[]): Promise<R[]> {
  const names = await staffNamesByUserid(
    tenantId,
    rows.map((row) => row.userid),
  );
  return rows.map((row) => ({ ...row, name: names.get(row.userid) ?? row.userid }));
}

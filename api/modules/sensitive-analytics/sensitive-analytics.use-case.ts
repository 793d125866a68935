import type {
  SensitiveAnalysis,
  SensitiveAnalysisQuery,
  SensitiveRankingExportQuery,
  SensitiveRankingRow,
  SensitiveWordRankingRow,
} from '../../../lib/contracts/analytics.contract';
import { customersByExternalUserid } from '../../../lib/customers/customers-by-id';
import { DepartmentModel } from '../../../lib/models/department.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import {
  daysFromTo,
  rankRows,
  topWords,
  zeroCounts,
  type BehaviorCounts,
} from './sensitive-analytics.figures';
import {
  behaviorFigures,
  resolveRange,
  senderCounts,
  sensitiveFilter,
  wordTally,
  type SensitiveFilters,
} from './sensitive-analytics.queries';

type Deps = Pick<AppContext, 'listSearch'>;

/** The caller's filters with the range filled in, and the Elasticsearch filter they make. */
async function prepare(caller: Caller, query: SensitiveAnalysisQuery, { listSearch }: Deps) {
  const scope = await caller.scope();
  const range = await resolveRange(listSearch, caller.tenantId, scope, query);
  const filters: SensitiveFilters = { ...query, ...range };
  return { filters, filter: await sensitiveFilter(caller.tenantId, scope, filters) };
}

/**
 * 敏感行为占比, 敏感行为趋势图 (every day of the range), 敏感词 TOP5 and 敏感词趋势图 (one line per TOP5 word,
 * I-93), for the filters of R-6.3.1 (I-94).
 */
export async function sensitiveAnalysis(
  caller: Caller,
  query: SensitiveAnalysisQuery,
  deps: Deps,
): Promise<SensitiveAnalysis> {
  const { filters, filter } = await prepare(caller, query, deps);
  const [behaviors, words] = await Promise.all([
    behaviorFigures(deps.listSearch, filter),
    wordTally(deps.listSearch, filter),
  ]);
  const top = topWords(words);
  const days = daysFromTo(filters.from, filters.to);
  return {
    from: filters.from,
    to: filters.to,
    share: behaviors.share,
    trend: days.map((day) => ({ day, ...(behaviors.byDay.get(day) ?? zeroCounts()) })),
    topWords: top,
    wordTrend: days.map((day) => ({
      day,
      counts: Object.fromEntries(top.map(({ word }) => [word, words.byWordDay.get(word)?.get(day) ?? 0])),
    })),
  };
}

type CountedSender = BehaviorCounts & { id: string; total: number };

/**
 * 触发敏感行为排名 (R-6.3.1-08) in full order: every sender of the view with their counts, sorted by the asked
 * column (ties: 违规总次数, then id), ranked. The page (or the export) then names only its own rows.
 */
export async function rankedSenders(
  caller: Caller,
  query: SensitiveRankingExportQuery,
  deps: Deps,
): Promise<Array<CountedSender & { rank: number }>> {
  const { filter } = await prepare(caller, query, deps);
  const senders = (await senderCounts(deps.listSearch, filter)).map(({ id, counts }) => ({
    id,
    ...counts,
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
  }));
  return rankRows(
    senders,
    (row) => row[query.sortBy],
    query.order,
    (row) => row.total,
  );
}

/** 敏感词触发排名 (R-6.3.2-03) in full order: the view's senders by (word, message) pairs, most first. */
export async function rankedWordSenders(
  caller: Caller,
  query: SensitiveAnalysisQuery,
  deps: Deps,
): Promise<Array<{ id: string; count: number; rank: number }>> {
  const { filter } = await prepare(caller, query, deps);
  const tally = await wordTally(deps.listSearch, filter);
  const rows = [...tally.bySender].map(([id, count]) => ({ id, count }));
  return rankRows(
    rows,
    (row) => row.count,
    'desc',
    () => 0,
  );
}

/** 姓名 and 部门 (staff) or 跟进人 (customers) of a page's senders: one read per kind for the whole page. */
export async function senderLabels(
  tenantId: string,
  view: 'staff' | 'customer',
  ids: readonly string[],
): Promise<Map<string, { name: string; context: string[] }>> {
  if (ids.length === 0) return new Map();
  if (view === 'staff') {
    const staff = await StaffModel.find(
      { tenantId, userid: { $in: [...ids] } },
      { userid: 1, name: 1, departmentIds: 1 },
    ).lean();
    const departmentIds = [...new Set(staff.flatMap((member) => member.departmentIds))];
    const departments = await DepartmentModel.find(
      { tenantId, deptId: { $in: departmentIds } },
      { deptId: 1, name: 1 },
    ).lean();
    const departmentNames = new Map(departments.map((department) => [department.deptId, department.name]));
    return new Map(
      staff.map((member) => [
        member.userid,
        {
          name: member.name,
          context: member.departmentIds.flatMap((id) => departmentNames.get(id) ?? []),
        },
      ]),
    );
  }
  const customers = await customersByExternalUserid<{
    externalUserid: string;
    name: string;
    ownerUserid?: string;
  }>(tenantId, ids, { name: 1, ownerUserid: 1 });
  const owners = await staffNamesByUserid(
    tenantId,
    customers.flatMap((customer) => (customer.ownerUserid ? [customer.ownerUserid] : [])),
  );
  return new Map(
    customers.map((customer) => [
      customer.externalUserid,
      {
        name: customer.name,
        // 跟进人 (the customer list's): the first adder still following.
        context: customer.ownerUserid ? [owners.get(customer.ownerUserid) ?? customer.ownerUserid] : [],
      },
    ]),
  );
}

/** Ranked senders as the table shows them; a sender no longer known shows their id. */
export async function rankingRows(
  tenantId: string,
  view: 'staff' | 'customer',
  rows: ReadonlyArray<CountedSender & { rank: number }>,
): Promise<SensitiveRankingRow[]> {
  const labels = await senderLabels(
    tenantId,
    view,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    name: labels.get(row.id)?.name || row.id,
    context: labels.get(row.id)?.context ?? [],
  }));
}

export async function wordRankingRows(
  tenantId: string,
  view: 'staff' | 'customer',
  rows: ReadonlyArray<{ id: string; count: number; rank: number }>,
): Promise<SensitiveWordRankingRow[]> {
  const labels = await senderLabels(
    tenantId,
    view,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    rank: row.rank,
    userid: row.id,
    name: labels.get(row.id)?.name || row.id,
    count: row.count,
  }));
}

/** One page of a ranking computed in full. */
export const pageOfRanked = <T>(rows: readonly T[], page: number, pageSize: number) =>
  rows.slice((page - 1) * pageSize, page * pageSize);

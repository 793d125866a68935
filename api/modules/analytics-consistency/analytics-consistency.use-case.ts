import type { ConsistencyPage, ConsistencyQuery } from '../../../lib/contracts/analytics.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { searchConsistencyRows } from '../../../lib/search/analytics-consistency-search';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';

/**
 * 数据核对 (issue 17): the days for which WeCom's 联系客户统计 answered, its counts beside the ones our own
 * events and chat archive give, for the staff in the caller's 数据权限; only the differing days on request.
 */
export async function consistencyRows(
  caller: Caller,
  query: ConsistencyQuery,
  deps: Pick<AppContext, 'listSearch'>,
): Promise<ConsistencyPage> {
  const { rows, total, totals } = await searchConsistencyRows(
    deps.listSearch,
    caller.tenantId,
    query,
    await caller.scope(),
  );
  const names = await staffNamesByUserid(
    caller.tenantId,
    rows.map((row) => row.userid),
  );
  return {
    items: rows.map((row) => ({ ...row, name: names.get(row.userid) ?? row.userid })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totals,
  };
}

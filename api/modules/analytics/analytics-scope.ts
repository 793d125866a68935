import type { estypes } from '@elastic/elasticsearch';
import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import { StaffModel } from '../../../lib/models/staff.model';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import type { Caller } from '../../auth/caller';

/**
 * Whose rows a 统计分析 request reads (R-6-02, I-104): with no 按员工查询, everyone in the caller's 数据权限;
 * with one, the chosen staff that are in it (a chosen member outside it is ignored, never shown).
 * `userids` is null for "everyone in the tenant" (a 全部 role without a selection): no filter at all.
 */
export interface AnalyticsStaff {
  userids: string[] | null;
  /** 员工/部门 of 群聊明细 and 群成员明细 (I-90): 全公司 without a selection, else the chosen names. */
  scopeLabel: string;
}

export async function analyticsStaff(
  caller: Caller,
  selected: readonly string[] = [],
): Promise<AnalyticsStaff> {
  const scope = await caller.scope();
  if (selected.length === 0) return { userids: scope.all ? null : scope.userids, scopeLabel: '全公司' };
  const inScope = scope.all ? [...new Set(selected)] : inScopeOnly(scope, selected);
  const names = await staffNamesByUserid(caller.tenantId, inScope);
  return { userids: inScope, scopeLabel: inScope.map((userid) => names.get(userid) ?? userid).join('、') };
}

function inScopeOnly(scope: Extract<StaffScope, { all: false }>, selected: readonly string[]): string[] {
  const visible = new Set(scope.userids);
  return [...new Set(selected)].filter((userid) => visible.has(userid));
}

/** The Elasticsearch filter of a stat index: the tenant, the days (inclusive) and the staff field. */
export function statFilter(
  tenantId: string,
  range: { from: string; to: string },
  staff: AnalyticsStaff,
  staffField: 'userid' | 'owner',
): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [
    { term: { tenantId } },
    { range: { day: { gte: range.from, lte: range.to, format: 'yyyy-MM-dd' } } },
  ];
  // An empty list (only people outside the 数据权限 chosen) matches nothing, as it should.
  if (staff.userids) filter.push({ terms: { [staffField]: staff.userids } });
  return { bool: { filter } };
}

// A picker, not a list: beyond this many the caller types a name to narrow it (as 客户列表's 添加人).
const STAFF_OPTIONS_LIMIT = 2000;

/** 按员工查询's options: the staff inside the caller's 数据权限, by name. */
export async function analyticsStaffOptions(caller: Caller) {
  const scope = await caller.scope();
  const staff = await StaffModel.find(
    { tenantId: caller.tenantId, ...staffScopeFilter(scope, 'userid') },
    { userid: 1, name: 1 },
  )
    .sort({ name: 1, userid: 1 })
    .limit(STAFF_OPTIONS_LIMIT)
    .lean();
  return { staff: staff.map((member) => ({ userid: member.userid, name: member.name })) };
}

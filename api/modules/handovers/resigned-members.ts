import type { ResignedMemberQuery } from '../../../lib/contracts/handover.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { unassignedCustomers } from './unassigned-customers';

/**
 * 离职继承's 原跟进成员 filter: the resigned members with customers waiting, latest to leave first, by name or
 * userid, paged on the server. Read from WeCom's list like the customers, so the filter offers exactly the
 * members the list can show.
 */
export async function listResignedMembers(
  caller: Caller,
  query: ResignedMemberQuery,
  deps: Pick<AppContext, 'wecom'>,
) {
  const members = new Map<string, { dimissionTime: number; customers: number }>();
  for (const row of await unassignedCustomers(caller.tenantId, deps)) {
    const member = members.get(row.handover_userid) ?? { dimissionTime: row.dimission_time, customers: 0 };
    member.customers += 1;
    members.set(row.handover_userid, member);
  }
  const names = await staffNamesByUserid(caller.tenantId, members.keys());
  const keyword = query.keyword?.toLowerCase();
  const matching = [...members]
    .map(([userid, member]) => ({ userid, name: names.get(userid) ?? userid, ...member }))
    .filter(
      (member) =>
        !keyword ||
        member.name.toLowerCase().includes(keyword) ||
        member.userid.toLowerCase().includes(keyword),
    )
    .sort((a, b) => b.dimissionTime - a.dimissionTime || a.userid.localeCompare(b.userid));
  return {
    items: matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((member) => ({
      userid: member.userid,
      name: member.name,
      dimissionAt: new Date(member.dimissionTime * 1000).toISOString(),
      customers: member.customers,
    })),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

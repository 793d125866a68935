import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type {
  CustomerGroupListQuery,
  CustomerGroupRow,
} from '../../../lib/contracts/customer-groups.contract';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { searchCustomerGroupRows } from '../../../lib/search/customer-group-index';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { groupTagIndex } from '../tags/group-tags.use-case';

/** Groups still in WeCom and inside the caller's 数据权限 (I-104: by 群主). */
export function visibleGroupsFilter(tenantId: string, scope: StaffScope) {
  return { tenantId, dismissedAt: { $exists: false }, ...staffScopeFilter(scope, 'ownerUserid') };
}

/**
 * 客户群列表: exact-substring 客户群名称, 群主, 群标签 (any of), 最近沟通时间 and 创建时间 ranges,
 * newest first (I-57), paginated on the server: the page and its count from the Elasticsearch read model
 * (lib/search/customer-group-index.ts), the names of its 20 rows by key.
 */
export async function listCustomerGroups(
  caller: Caller,
  query: CustomerGroupListQuery,
  { listSearch }: Pick<AppContext, 'listSearch'>,
) {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const [{ rows, total }, tags] = await Promise.all([
    searchCustomerGroupRows(listSearch, tenantId, query, scope),
    groupTagIndex(tenantId),
  ]);
  const owners = await staffNamesByUserid(
    tenantId,
    rows.map((row) => row.ownerUserid),
  );
  const items: CustomerGroupRow[] = rows.map((row) => ({
    chatId: row.chatId,
    name: row.name,
    memberCount: row.memberCount,
    lastMessageAt: row.lastMessageAt,
    createdAt: row.createdAt,
    groupTags: row.groupTagIds.flatMap((id) => {
      const tag = tags.get(id);
      return tag ? [{ id: tag.id, name: tag.name, color: tag.color }] : [];
    }),
    owner: { userid: row.ownerUserid, name: owners.get(row.ownerUserid) ?? row.ownerUserid },
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

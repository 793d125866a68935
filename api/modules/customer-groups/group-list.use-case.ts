import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type {
  CustomerGroupListQuery,
  CustomerGroupRow,
} from '../../../lib/contracts/customer-groups.contract';
import { StaffModel } from '../../../lib/models/staff.model';
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
  const owners = await staffNames(
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

/** Staff names by userid; a member WeCom no longer lists keeps their userid as name. */
export async function staffNames(tenantId: string, userids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userids)];
  if (unique.length === 0) return new Map();
  const staff = await StaffModel.find({ tenantId, userid: { $in: unique } }, { userid: 1, name: 1 }).lean();
  return new Map(staff.map((s) => [s.userid, s.name]));
}

import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type {
  CustomerGroupListQuery,
  CustomerGroupRow,
} from '../../../lib/contracts/customer-groups.contract';
import { dayRange } from '../../../lib/customer-groups/china-days';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { groupTagIndex } from '../tags/group-tags.use-case';

/** Groups still in WeCom and inside the caller's 数据权限 (I-104: by 群主). */
export function visibleGroupsFilter(tenantId: string, scope: StaffScope) {
  return { tenantId, dismissedAt: { $exists: false }, ...staffScopeFilter(scope, 'ownerUserid') };
}

/**
 * 客户群列表: fuzzy 客户群名称, 群主, 群标签 (any of), 最近沟通时间 and 创建时间 ranges,
 * newest first (I-57), paginated on the server.
 */
export async function listCustomerGroups(tenantId: string, query: CustomerGroupListQuery, scope: StaffScope) {
  const filter: Record<string, unknown> = visibleGroupsFilter(tenantId, scope);
  const conditions: Array<Record<string, unknown>> = [];
  if (query.keyword) filter.name = new RegExp(escapeRegExp(query.keyword), 'i');
  // The owner filter narrows the data scope, never widens it.
  if (query.ownerUserid?.length) conditions.push({ ownerUserid: { $in: query.ownerUserid } });
  if (query.groupTagId?.length) filter.groupTagIds = { $in: query.groupTagId };
  const lastMessageAt = dayRange(query.lastMessageFrom, query.lastMessageTo);
  if (lastMessageAt) filter.lastMessageAt = lastMessageAt;
  const createdAt = dayRange(query.createdFrom, query.createdTo);
  if (createdAt) filter.createdAt = createdAt;
  if (conditions.length > 0) filter.$and = conditions;

  const [groups, total, tags] = await Promise.all([
    CustomerGroupModel.find(filter, { members: 0 })
      .sort({ createdAt: -1, chatId: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    CustomerGroupModel.countDocuments(filter),
    groupTagIndex(tenantId),
  ]);
  const owners = await staffNames(
    tenantId,
    groups.map((group) => group.ownerUserid),
  );
  const items: CustomerGroupRow[] = groups.map((group) => ({
    chatId: group.chatId,
    name: group.name,
    memberCount: group.memberCount,
    lastMessageAt: group.lastMessageAt?.toISOString() ?? null,
    createdAt: group.createdAt?.toISOString() ?? null,
    // Groups stored by syncs before they wrote the field have none.
    groupTags: (group.groupTagIds ?? []).flatMap((id) => {
      const tag = tags.get(id);
      return tag ? [{ id: tag.id, name: tag.name, color: tag.color }] : [];
    }),
    owner: { userid: group.ownerUserid, name: owners.get(group.ownerUserid) ?? group.ownerUserid },
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { StaffScope } from '../../../lib/access/data-scope';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { badRequest, notFound } from '../../http/app-error';
import { groupTagIndex } from '../tags/group-tags.use-case';
import { visibleGroupsFilter } from './group-list.use-case';

async function assertGroupTagsExist(tenantId: string, tagIds: string[]) {
  const known = await groupTagIndex(tenantId);
  if (tagIds.some((id) => !known.has(id))) throw badRequest('所选标签不存在，请刷新后重试', 'TAG_NOT_FOUND');
}

/** 批量打标签 (R-3.2.1-06): adds 群标签 to the chosen groups the caller may see; others are left alone. */
export async function tagCustomerGroups(
  tenantId: string,
  scope: StaffScope,
  chatIds: string[],
  tagIds: string[],
) {
  await assertGroupTagsExist(tenantId, tagIds);
  const result = await CustomerGroupModel.updateMany(
    { ...visibleGroupsFilter(tenantId, scope), chatId: { $in: chatIds } },
    { $addToSet: { groupTagIds: { $each: tagIds } } },
  );
  return { updated: result.matchedCount };
}

/** 群画像's 群标签 edit (R-3.2.2-02): the group's 群标签 become exactly these. */
export async function setCustomerGroupTags(
  tenantId: string,
  scope: StaffScope,
  chatId: string,
  tagIds: string[],
) {
  await assertGroupTagsExist(tenantId, tagIds);
  const result = await CustomerGroupModel.updateOne(
    { ...visibleGroupsFilter(tenantId, scope), chatId },
    { $set: { groupTagIds: [...new Set(tagIds)] } },
  );
  if (result.matchedCount === 0) throw notFound('客户群不存在', 'CUSTOMER_GROUP_NOT_FOUND');
}

import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { customerGroupReadModel } from '../../../lib/search/customer-group-index';
import { writeListRows } from '../../../lib/search/list-read-model';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { badRequest, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { groupTagIndex } from '../tags/group-tags.use-case';
import { visibleGroupsFilter } from './group-list.use-case';

async function assertGroupTagsExist(tenantId: string, tagIds: string[]) {
  const known = await groupTagIndex(tenantId);
  if (tagIds.some((id) => !known.has(id))) throw badRequest('所选标签不存在，请刷新后重试', 'TAG_NOT_FOUND');
}

/** The audit row of a 群标签 change on customer groups: each group's 群标签 before and after. */
async function auditGroupTagging(
  caller: Caller,
  groups: Array<{ chatId: string; name?: string | null; groupTagIds?: string[] | null }>,
  afterOf: (tagIds: string[]) => string[],
) {
  if (groups.length === 0) return;
  await recordAudit(caller, {
    action: 'customer-group.tag',
    target: {
      type: 'customer-group',
      id: groups.length === 1 ? groups[0].chatId : '',
      name: groups.length === 1 ? groups[0].name || '未命名群聊' : `${groups.length}个客户群`,
    },
    before: { groupTagIds: Object.fromEntries(groups.map((g) => [g.chatId, g.groupTagIds ?? []])) },
    after: { groupTagIds: Object.fromEntries(groups.map((g) => [g.chatId, afterOf(g.groupTagIds ?? [])])) },
  });
}

/** 批量打标签 (R-3.2.1-06): adds 群标签 to the chosen groups the caller may see; others are left alone. */
export async function tagCustomerGroups(
  caller: Caller,
  { chatIds, tagIds }: { chatIds: string[]; tagIds: string[] },
  { listSearch }: Pick<AppContext, 'listSearch'>,
) {
  const { tenantId } = caller;
  await assertGroupTagsExist(tenantId, tagIds);
  const filter = { ...visibleGroupsFilter(tenantId, await caller.scope()), chatId: { $in: chatIds } };
  const groups = await CustomerGroupModel.find(filter, { chatId: 1, name: 1, groupTagIds: 1 }).lean();
  // `wait_for`: the list the user goes back to shows the tags.
  const result = await writeListRows(
    listSearch,
    customerGroupReadModel,
    tenantId,
    groups.map((group) => group.chatId),
    () => CustomerGroupModel.updateMany(filter, { $addToSet: { groupTagIds: { $each: tagIds } } }),
    { refresh: 'wait_for' },
  );
  await auditGroupTagging(caller, groups, (before) => [...new Set([...before, ...tagIds])]);
  return { updated: result.matchedCount };
}

/** 群画像's 群标签 edit (R-3.2.2-02): the group's 群标签 become exactly these. */
export async function setCustomerGroupTags(
  caller: Caller,
  { chatId, tagIds }: { chatId: string; tagIds: string[] },
  { listSearch }: Pick<AppContext, 'listSearch'>,
): Promise<void> {
  const { tenantId } = caller;
  await assertGroupTagsExist(tenantId, tagIds);
  const filter = { ...visibleGroupsFilter(tenantId, await caller.scope()), chatId };
  const group = await CustomerGroupModel.findOne(filter, { chatId: 1, name: 1, groupTagIds: 1 }).lean();
  if (!group) throw notFound('客户群不存在', 'CUSTOMER_GROUP_NOT_FOUND');
  const after = [...new Set(tagIds)];
  await writeListRows(
    listSearch,
    customerGroupReadModel,
    tenantId,
    [chatId],
    () => CustomerGroupModel.updateOne(filter, { $set: { groupTagIds: after } }),
    { refresh: 'wait_for' },
  );
  await auditGroupTagging(caller, [group], () => after);
}

import type { StaffScope } from '../../../lib/access/data-scope';
import { customersByExternalUserid } from '../../../lib/customers/customers-by-id';
import type { CustomerGroupPortrait, MessageTrend } from '../../../lib/contracts/customer-groups.contract';
import { chinaDayEnd, chinaDayStart, lastChinaDays } from '../../../lib/customer-groups/china-days';
import {
  archivedGroupMessages,
  type GroupMessageCounter,
} from '../../../lib/customer-groups/group-message-counts';
import { CorpTagGroupModel, type TagColor } from '../../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { StaffModel } from '../../../lib/models/staff.model';
import type { Caller } from '../../auth/caller';
import { notFound } from '../../http/app-error';
import { groupTagIndex } from '../tags/group-tags.use-case';
import { staffNamesByUserid } from '../../../lib/org/staff-names';
import { visibleGroupsFilter } from './group-list.use-case';

async function visibleGroup(tenantId: string, scope: StaffScope, chatId: string) {
  const group = await CustomerGroupModel.findOne({ ...visibleGroupsFilter(tenantId, scope), chatId }).lean();
  if (!group) throw notFound('客户群不存在', 'CUSTOMER_GROUP_NOT_FOUND');
  return group;
}

async function corpTagIndex(tenantId: string) {
  const groups = await CorpTagGroupModel.find({ tenantId }, { tags: 1 }).lean();
  return new Map(
    groups.flatMap((group) =>
      group.tags.map(
        (tag) => [tag.tagId, { id: tag.tagId, name: tag.name, color: tag.color as TagColor }] as const,
      ),
    ),
  );
}

/** What the portrait reads of each customer member. */
interface PortraitCustomer {
  externalUserid: string;
  name: string;
  corpName?: string | null;
  profile?: { corpName?: string | null } | null;
  tagIds: string[];
  adderUserids: string[];
  active: boolean;
}

/**
 * 群画像: 群介绍, the internal and external members, how they joined, and the 客户标签 word cloud:
 * every corp tag the group's customers carry, weighted by how many of them carry it.
 */
export async function customerGroupPortrait(
  caller: Caller,
  { chatId }: { chatId: string },
): Promise<CustomerGroupPortrait> {
  const { tenantId } = caller;
  const group = await visibleGroup(tenantId, await caller.scope(), chatId);
  const internal = group.members.filter((member) => member.type === 1);
  const external = group.members.filter((member) => member.type === 2);
  const externalIds = external.map((member) => member.userid);

  const [customers, corpTags, groupTags, staff] = await Promise.all([
    customersByExternalUserid<PortraitCustomer>(tenantId, externalIds, {
      name: 1,
      corpName: 1,
      profile: 1,
      tagIds: 1,
      adderUserids: 1,
      active: 1,
    }),
    corpTagIndex(tenantId),
    groupTagIndex(tenantId),
    StaffModel.find(
      { tenantId, userid: { $in: internal.map((member) => member.userid) } },
      { userid: 1, name: 1, avatar: 1 },
    ).lean(),
  ]);
  const customerOf = new Map(customers.map((customer) => [customer.externalUserid, customer]));
  const followerNames = await staffNamesByUserid(
    tenantId,
    customers.flatMap((customer) => customer.adderUserids),
  );
  const owner = await staffNamesByUserid(tenantId, [group.ownerUserid]);
  const staffOf = new Map(staff.map((s) => [s.userid, s]));

  const tagCounts = new Map<string, number>();
  for (const customer of customers) {
    if (!customer.active) continue;
    for (const id of new Set(customer.tagIds)) {
      if (corpTags.has(id)) tagCounts.set(id, (tagCounts.get(id) ?? 0) + 1);
    }
  }
  const sceneCounts = new Map<number, number>();
  for (const member of external) {
    if (member.joinScene) sceneCounts.set(member.joinScene, (sceneCounts.get(member.joinScene) ?? 0) + 1);
  }

  return {
    chatId: group.chatId,
    name: group.name,
    notice: group.notice,
    owner: { userid: group.ownerUserid, name: owner.get(group.ownerUserid) ?? group.ownerUserid },
    createdAt: group.createdAt?.toISOString() ?? null,
    // Groups stored by syncs before they wrote the field have none.
    groupTags: (group.groupTagIds ?? []).flatMap((id) => {
      const tag = groupTags.get(id);
      return tag ? [{ id: tag.id, name: tag.name, color: tag.color }] : [];
    }),
    memberCount: group.members.length,
    externalCount: external.length,
    // Who agreed to archiving comes with the chat archive (I-58); until then it is not known.
    archivedExternalCount: null,
    addableCount: external.filter((member) => !customerOf.get(member.userid)?.active).length,
    internalMembers: internal.map((member) => ({
      userid: member.userid,
      name: staffOf.get(member.userid)?.name ?? (member.name || member.userid),
      avatar: staffOf.get(member.userid)?.avatar ?? '',
    })),
    externalMembers: external.map((member) => {
      const customer = customerOf.get(member.userid);
      return {
        userid: member.userid,
        name: customer?.name || member.name || member.groupNickname || member.userid,
        corpName: customer?.profile?.corpName || customer?.corpName || '',
        tags: (customer?.tagIds ?? []).flatMap((id) => {
          const tag = corpTags.get(id);
          return tag ? [tag] : [];
        }),
        joinScene: member.joinScene ?? null,
        joinedAt: member.joinedAt?.toISOString() ?? null,
        followers: (customer?.adderUserids ?? []).map((userid) => ({
          userid,
          name: followerNames.get(userid) ?? userid,
        })),
      };
    }),
    joinScenes: [...sceneCounts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([scene, count]) => ({ scene, count })),
    tagCloud: [...tagCounts.entries()]
      .map(([id, count]) => ({ ...corpTags.get(id)!, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

/** 群画像's trend (R-3.2.2-03): one row per China day of the last 7 or 30 days, today last. */
export async function groupMessageTrend(
  caller: Caller,
  { chatId, days: dayCount }: { chatId: string; days: number },
  counter: GroupMessageCounter = archivedGroupMessages,
  now = new Date(),
): Promise<MessageTrend> {
  const { tenantId } = caller;
  await visibleGroup(tenantId, await caller.scope(), chatId);
  const days = lastChinaDays(now, dayCount);
  const counts = await counter.countByDay(
    tenantId,
    chatId,
    chinaDayStart(days[0]),
    chinaDayEnd(days[days.length - 1]),
  );
  return {
    archived: counter.archived,
    days: days.map((date) => ({
      date,
      staff: counts.get(date)?.staff ?? 0,
      customers: counts.get(date)?.customers ?? 0,
    })),
  };
}

import { bulkWriteInSlices } from '../db/bulk-write-in-slices';
import type { CustomerIndexer } from '../search/customer-indexer';
import { CorpTagGroupModel } from '../models/corp-tag.model';
import { PENDING_ID_PREFIX } from '../tags/corp-tag-writes';
import { CustomerModel } from '../models/customer.model';
import type { WeComCorpTagGroup } from '../wecom/corp-tags-api';
import { withoutTags } from './customer-relations';
import { rewriteCustomers } from './customer-writes';

/** Tags and groups made in 标签管理 that WeCom has not given an `et…` id yet (lib/tags): a sync keeps them. */
export const PENDING_ID = new RegExp(`^${PENDING_ID_PREFIX}`);

/** Each stored tag group's version (its `updatedAt`), keyed by WeCom's group id. */
export type TagGroupVersions = ReadonlyMap<string, Date>;

/**
 * The stored groups' versions, read BEFORE WeCom is: storeTagGroups then leaves alone a group that changed here
 * in between (an edit saved in 标签管理 while WeCom was being read), since what WeCom answered predates that edit
 * and storing it would undo it; the edit's own write brings WeCom along, and its change event stores the group
 * afterwards. A tenant has tens of tag groups: one read by tenant.
 */
export async function tagGroupVersions(tenantId: string): Promise<TagGroupVersions> {
  const stored = await CorpTagGroupModel.find({ tenantId }, { groupId: 1, updatedAt: 1 }).lean();
  return new Map(stored.map((group) => [group.groupId, group.updatedAt as Date]));
}

/**
 * Stores WeCom's tag groups as they are now (names, order, tags), keeping what is ours on each tag: the colour
 * (a 微丰-only attribute, R-7.3.1-03; a tag new to us gets the default), the local id it had before WeCom
 * named it, its last write refusal, and the tags 标签管理 made that are still on their way to WeCom.
 * Each group must be whole, as WeCom lists it in full or by group id (an answer by tag id holds only the tags
 * asked for). Read by id, WeCom also answers deleted groups and tags, flagged `deleted`: those are never stored
 * as live. A deleted group leaves, and every tag no longer live in its group leaves the group and the customers.
 */
export async function storeTagGroups(
  tenantId: string,
  groups: readonly WeComCorpTagGroup[],
  seenAt: Date,
  indexer: CustomerIndexer,
  versionsBeforeRead: TagGroupVersions,
) {
  if (groups.length === 0) return;
  const stored = await CorpTagGroupModel.find(
    { tenantId, groupId: { $in: groups.map((group) => group.group_id) } },
    { groupId: 1, tags: 1 },
  ).lean();
  const ours = new Map(stored.flatMap((group) => group.tags.map((tag) => [tag.tagId, tag] as const)));
  const stillPending = new Map(
    stored.map((group) => [group.groupId, group.tags.filter((tag) => PENDING_ID.test(tag.tagId))] as const),
  );
  const live = groups
    .filter((group) => !group.deleted)
    .map((group) => ({ ...group, tag: group.tag.filter((tag) => !tag.deleted) }));
  const liveTagIds = new Set(live.flatMap((group) => group.tag.map((tag) => tag.id)));
  const leftTagIds = [...ours.keys()].filter((id) => !liveTagIds.has(id) && !PENDING_ID.test(id));

  // In slices: FerretDB hangs on one bulkWrite of ~100 updates, and a tenant may have that many groups.
  await bulkWriteInSlices(
    CorpTagGroupModel,
    live.map((group) => ({
      updateOne: {
        // A group we held when WeCom was read is written only if it is still that version; one new to us is added.
        filter: versionsBeforeRead.has(group.group_id)
          ? { tenantId, groupId: group.group_id, updatedAt: versionsBeforeRead.get(group.group_id) }
          : { tenantId, groupId: group.group_id },
        update: {
          $set: {
            name: group.group_name,
            order: group.order ?? 0,
            tags: [
              ...group.tag.map((tag) => {
                const local = ours.get(tag.id);
                return {
                  tagId: tag.id,
                  name: tag.name,
                  order: tag.order ?? 0,
                  color: local?.color ?? 'blue',
                  ...(local?.localId ? { localId: local.localId } : {}),
                  ...(local?.writeError ? { writeError: local.writeError } : {}),
                  ...(tag.create_time ? { createdAt: new Date(tag.create_time * 1000) } : {}),
                };
              }),
              ...(stillPending.get(group.group_id) ?? []),
            ],
            lastSeenAt: seenAt,
          },
        },
        upsert: !versionsBeforeRead.has(group.group_id),
      },
    })) as never,
    { ordered: false },
  );
  for (const group of groups.filter((candidate) => candidate.deleted)) {
    await CorpTagGroupModel.deleteOne({ tenantId, groupId: group.group_id });
  }
  await removeTagsFromCustomers(tenantId, leftTagIds, indexer);
}

/**
 * Deleted corp tags leave every relation that carried them (ended ones too), and the customers' derived tag
 * lists (I-105), whoever deleted them: WeCom, 标签管理, a sync that no longer finds them.
 */
export async function removeTagsFromCustomers(
  tenantId: string,
  tagIds: readonly string[],
  indexer: CustomerIndexer,
): Promise<number> {
  if (tagIds.length === 0) return 0;
  const carriers = await CustomerModel.find(
    { tenantId, $or: [{ tagIds: { $in: [...tagIds] } }, { 'follows.tagIds': { $in: [...tagIds] } }] },
    { externalUserid: 1 },
  ).lean();
  return rewriteCustomers(
    tenantId,
    carriers.map((customer) => customer.externalUserid),
    (current) => {
      const follows = current && withoutTags(current.follows, tagIds);
      return follows ? { follows } : null;
    },
    { indexer },
  );
}

/** Every tag id a stored group holds, to know what a vanished group took with it. */
export async function tagIdsOfGroups(tenantId: string, filter: Record<string, unknown>): Promise<string[]> {
  const groups = await CorpTagGroupModel.find({ tenantId, ...filter }, { tags: 1 }).lean();
  return groups.flatMap((group) => group.tags.map((tag) => tag.tagId));
}

import type { z } from 'zod';
import type {
  addTagRequestSchema,
  editTagRequestSchema,
  GroupTagGroupView,
} from '../../../lib/contracts/tags.contract';
import type { TagColor } from '../../../lib/models/corp-tag.model';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { GroupTagGroupModel, type GroupTagGroup } from '../../../lib/models/group-tag.model';
import { findMatchingAny } from '../../../lib/db/find-matching-any';
import { customerGroupReadModel } from '../../../lib/search/customer-group-index';
import { writeListRows, type ListSearch } from '../../../lib/search/list-read-model';
import { conflict, notFound } from '../../http/app-error';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

/**
 * 群标签 (R-7.3.2, I-106): tag groups and tags for customer groups, kept only here. The same rules as
 * 企业微信标签: names ≤30, group names unique, tag names unique within their group; drag order, first shown
 * first (`order` ascending here, since nothing else orders them).
 */

type StoredGroup = GroupTagGroup & { _id: unknown; updatedAt: Date; createdAt: Date };
/** An embedded tag as read with lean(). */
interface StoredTag {
  _id: unknown;
  name: string;
  color: string;
  order: number;
  createdAt?: Date;
}

const GROUP_EXISTS = '标签组名称已存在';
const TAG_EXISTS = '该标签组下已存在同名标签';
const GROUP_MISSING = '标签组不存在';
const TAG_MISSING = '标签不存在';
const isObjectId = (id: string) => /^[0-9a-f]{24}$/.test(id);

function byOrder(a: { order: number; createdAt?: Date }, b: { order: number; createdAt?: Date }) {
  return a.order - b.order || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
}

function toView(group: StoredGroup): GroupTagGroupView {
  return {
    id: String(group._id),
    name: group.name,
    order: group.order,
    createdAt: group.createdAt?.toISOString() ?? null,
    tags: [...(group.tags as StoredTag[])].sort(byOrder).map((tag) => ({
      id: String(tag._id),
      name: tag.name,
      color: tag.color as TagColor,
      order: tag.order,
    })),
  };
}

export async function listGroupTagGroups(tenantId: string): Promise<GroupTagGroupView[]> {
  const groups = (await GroupTagGroupModel.find({ tenantId }).lean()) as StoredGroup[];
  return groups.sort(byOrder).map(toView);
}

/** A 群标签 group as it stands, found by its id or one of its tags' (for the audit log's "before"). */
export async function findGroupTagGroup(
  tenantId: string,
  key: { groupKey: string } | { tagKey: string },
): Promise<GroupTagGroupView | null> {
  const id = 'groupKey' in key ? key.groupKey : key.tagKey;
  if (!isObjectId(id)) return null;
  const filter = 'groupKey' in key ? { tenantId, _id: id } : { tenantId, 'tags._id': id };
  const group = (await GroupTagGroupModel.findOne(filter).lean()) as StoredGroup | null;
  return group ? toView(group) : null;
}

/** Every 群标签 id of the tenant with its name and colour: for lists that show tags on customer groups. */
export async function groupTagIndex(tenantId: string) {
  const groups = await listGroupTagGroups(tenantId);
  return new Map(groups.flatMap((group) => group.tags.map((tag) => [tag.id, tag] as const)));
}

/** Read-modify-write of one group's tags, guarded by `updatedAt` (FerretDB has no positional updates). */
async function updateTags(
  tenantId: string,
  groupId: string,
  change: (tags: StoredTag[]) => StoredTag[] | null,
): Promise<StoredGroup | null> {
  if (!isObjectId(groupId)) return null;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const group = (await GroupTagGroupModel.findOne({ tenantId, _id: groupId }).lean()) as StoredGroup | null;
    if (!group) return null;
    const tags = change(group.tags as StoredTag[]);
    if (!tags) return null;
    const result = await GroupTagGroupModel.updateOne(
      { tenantId, _id: group._id, updatedAt: group.updatedAt },
      { $set: { tags } },
    );
    if (result.matchedCount === 1) {
      return (await GroupTagGroupModel.findOne({ tenantId, _id: group._id }).lean()) as StoredGroup;
    }
  }
  throw new Error('group tag group kept changing under us; try again');
}

async function assertNameFree(tenantId: string, name: string, exceptId?: string) {
  const same = await GroupTagGroupModel.findOne({ tenantId, name }, { _id: 1 }).lean();
  if (same && String(same._id) !== exceptId) throw conflict(GROUP_EXISTS, 'TAG_GROUP_EXISTS');
}

export async function createGroupTagGroup(tenantId: string, name: string): Promise<GroupTagGroupView> {
  await assertNameFree(tenantId, name);
  const last = await GroupTagGroupModel.findOne({ tenantId }, { order: 1 }).sort({ order: -1 }).lean();
  try {
    const created = await GroupTagGroupModel.create({
      tenantId,
      name,
      order: (last?.order ?? -1) + 1,
      tags: [],
    });
    return toView(created.toObject() as StoredGroup);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(GROUP_EXISTS, 'TAG_GROUP_EXISTS');
    throw error;
  }
}

export async function renameGroupTagGroup(tenantId: string, groupId: string, name: string) {
  if (!isObjectId(groupId)) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  await assertNameFree(tenantId, name, groupId);
  const group = (await GroupTagGroupModel.findOneAndUpdate(
    { tenantId, _id: groupId },
    { $set: { name } },
    { new: true },
  ).lean()) as StoredGroup | null;
  if (!group) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  return toView(group);
}

export async function deleteGroupTagGroup(
  search: ListSearch,
  tenantId: string,
  groupId: string,
): Promise<void> {
  if (!isObjectId(groupId)) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  const group = (await GroupTagGroupModel.findOneAndDelete({
    tenantId,
    _id: groupId,
  }).lean()) as StoredGroup | null;
  if (!group) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  await untagCustomerGroups(
    search,
    tenantId,
    (group.tags as StoredTag[]).map((tag) => String(tag._id)),
  );
}

export async function addGroupTag(
  tenantId: string,
  groupId: string,
  body: z.infer<typeof addTagRequestSchema>,
) {
  const group = await updateTags(tenantId, groupId, (tags) => {
    if (tags.some((tag) => tag.name === body.name)) throw conflict(TAG_EXISTS, 'TAG_EXISTS');
    const order = Math.max(-1, ...tags.map((tag) => tag.order)) + 1;
    return [...tags, { name: body.name, color: body.color, order } as StoredTag];
  });
  if (!group) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  return toView(group);
}

async function groupOfTag(tenantId: string, tagId: string): Promise<string> {
  const group = isObjectId(tagId)
    ? await GroupTagGroupModel.findOne({ tenantId, 'tags._id': tagId }, { _id: 1 }).lean()
    : null;
  if (!group) throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
  return String(group._id);
}

export async function editGroupTag(
  tenantId: string,
  tagId: string,
  body: z.infer<typeof editTagRequestSchema>,
) {
  const group = await updateTags(tenantId, await groupOfTag(tenantId, tagId), (tags) => {
    const tag = tags.find((t) => String(t._id) === tagId);
    if (!tag) return null;
    if (body.name !== undefined && tags.some((t) => t !== tag && t.name === body.name)) {
      throw conflict(TAG_EXISTS, 'TAG_EXISTS');
    }
    return tags.map((t) => (t === tag ? { ...t, ...body } : t));
  });
  if (!group) throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
  return toView(group);
}

export async function deleteGroupTag(search: ListSearch, tenantId: string, tagId: string): Promise<void> {
  const group = await updateTags(tenantId, await groupOfTag(tenantId, tagId), (tags) =>
    tags.some((t) => String(t._id) === tagId) ? tags.filter((t) => String(t._id) !== tagId) : null,
  );
  if (!group) throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
  await untagCustomerGroups(search, tenantId, [tagId]);
}

/** A deleted 群标签 leaves every customer group that carried it. */
async function untagCustomerGroups(search: ListSearch, tenantId: string, tagIds: string[]) {
  if (tagIds.length === 0) return;
  // The groups carrying a tag, one equality each (pushed down, served by the groupTagIds index).
  const tagged = await findMatchingAny<{ chatId: string }>(
    CustomerGroupModel,
    tagIds.map((groupTagIds) => ({ tenantId, groupTagIds })),
    { chatId: 1 },
  );
  await writeListRows(
    search,
    customerGroupReadModel,
    tenantId,
    tagged.map((group) => group.chatId),
    () =>
      CustomerGroupModel.updateMany(
        { tenantId, groupTagIds: { $in: tagIds } },
        // $pullAll, not $pull with $in: FerretDB v1 ignores conditions inside $pull.
        { $pullAll: { groupTagIds: tagIds } },
      ),
    { refresh: 'wait_for' },
  );
}

export async function reorderGroupTagGroups(tenantId: string, ids: string[]) {
  const groups = await GroupTagGroupModel.find({ tenantId }, { _id: 1 }).lean();
  const known = new Set(groups.map((group) => String(group._id)));
  if (ids.some((id) => !known.has(id))) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  for (const [index, id] of ids.entries()) {
    await GroupTagGroupModel.updateOne({ tenantId, _id: id }, { $set: { order: index } });
  }
  return listGroupTagGroups(tenantId);
}

export async function reorderGroupTags(tenantId: string, groupId: string, ids: string[]) {
  const group = await updateTags(tenantId, groupId, (tags) => {
    if (ids.some((id) => !tags.some((tag) => String(tag._id) === id)))
      throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
    return tags.map((tag) => {
      const index = ids.indexOf(String(tag._id));
      return index < 0 ? tag : { ...tag, order: index };
    });
  });
  if (!group) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  return toView(group);
}

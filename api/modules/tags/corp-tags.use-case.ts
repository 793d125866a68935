import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  addTagRequestSchema,
  CorpTagGroupView,
  createCorpTagGroupRequestSchema,
  editTagRequestSchema,
} from '../../../lib/contracts/tags.contract';
import { CorpTagGroupModel, type TagColor } from '../../../lib/models/corp-tag.model';
import {
  groupKeyFilter,
  hasKey,
  tagKeyFilter,
  updateCorpTagGroup,
  type StoredCorpTagGroup,
} from '../../../lib/tags/corp-tag-store';
import { isPendingId, PENDING_ID_PREFIX } from '../../../lib/tags/corp-tag-writes';
import { badRequest, conflict, notFound } from '../../http/app-error';
import { changeWithCorpTagWrite, type CorpTagWriteQueueDeps } from './corp-tag-write-queue';

/**
 * 企业微信标签 (R-7.3.1, I-105). Every change is saved here at once and then written through to WeCom by the
 * tenant's corp-tag-writes workflow. A tag or group created here gets a `pending-…` id at once (the admin
 * shows it as 同步中); the workflow creates it in WeCom and replaces that id with WeCom's `et…` id, keeping
 * the pending id as `localId` so a rename or delete made in between still finds it. Colours stay local.
 */

const GROUP_EXISTS = '标签组名称已存在';
const TAG_EXISTS = '该标签组下已存在同名标签';
const GROUP_MISSING = '标签组不存在';
const TAG_MISSING = '标签不存在';

const newPendingId = () => `${PENDING_ID_PREFIX}${randomUUID()}`;

function byOrder<T extends { order?: number | null; createdAt?: Date | null }>(a: T, b: T): number {
  return (b.order ?? 0) - (a.order ?? 0) || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
}

export function toCorpTagGroupView(group: StoredCorpTagGroup): CorpTagGroupView {
  return {
    id: group.groupId,
    name: group.name,
    order: group.order,
    createdAt: group.createdAt?.toISOString() ?? null,
    pending: Boolean(group.pending),
    writeError: group.writeError ?? null,
    tags: [...group.tags].sort(byOrder).map((tag) => ({
      id: tag.tagId,
      name: tag.name,
      color: tag.color as TagColor,
      order: tag.order,
      createdAt: tag.createdAt?.toISOString() ?? null,
      pending: Boolean(tag.pending),
      writeError: tag.writeError ?? null,
    })),
  };
}

/** Tag groups as WeCom orders them: larger order first, then the older first. */
export async function listCorpTagGroups(tenantId: string): Promise<CorpTagGroupView[]> {
  const groups = (await CorpTagGroupModel.find({ tenantId }).lean()) as StoredCorpTagGroup[];
  return groups.sort(byOrder).map(toCorpTagGroupView);
}

/** A tag group as it stands, found by its own key or one of its tags' (for the audit log's "before"). */
export async function findCorpTagGroup(
  tenantId: string,
  key: { groupKey: string } | { tagKey: string },
): Promise<CorpTagGroupView | null> {
  const filter =
    'groupKey' in key ? groupKeyFilter(tenantId, key.groupKey) : tagKeyFilter(tenantId, key.tagKey);
  const group = (await CorpTagGroupModel.findOne(filter).lean()) as StoredCorpTagGroup | null;
  return group ? toCorpTagGroupView(group) : null;
}

async function groupOrThrow(tenantId: string, groupKey: string): Promise<StoredCorpTagGroup> {
  const group = (await CorpTagGroupModel.findOne(
    groupKeyFilter(tenantId, groupKey),
  ).lean()) as StoredCorpTagGroup;
  if (!group) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  return group;
}

/** The group as `updateCorpTagGroup` changed it, or `missing` when it found nothing to change. */
async function changedOr<T>(
  update: Promise<{ group: StoredCorpTagGroup; changed: T | null } | null>,
  missing: Error,
) {
  const saved = await update;
  if (!saved?.changed) throw missing;
  return { ...saved, changed: saved.changed };
}

async function assertGroupNameFree(tenantId: string, name: string, exceptId?: unknown) {
  const same = await CorpTagGroupModel.findOne({ tenantId, name }, { _id: 1 }).lean();
  if (same && String(same._id) !== String(exceptId)) throw conflict(GROUP_EXISTS, 'TAG_GROUP_EXISTS');
}

export async function createCorpTagGroup(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  body: z.infer<typeof createCorpTagGroupRequestSchema>,
): Promise<CorpTagGroupView> {
  await assertGroupNameFree(tenantId, body.name);
  const names = body.tags.map((tag) => tag.name);
  if (new Set(names).size !== names.length) throw badRequest('标签名称不能重复', 'TAG_EXISTS');
  const groupKey = newPendingId();
  const now = new Date();
  const create = () =>
    CorpTagGroupModel.create({
      tenantId,
      groupId: groupKey,
      localId: groupKey,
      pending: true,
      name: body.name,
      order: 0,
      // The first tag on top: larger order first, as in WeCom.
      tags: body.tags.map((tag, index) => {
        const tagKey = newPendingId();
        return {
          tagId: tagKey,
          localId: tagKey,
          pending: true,
          name: tag.name,
          color: tag.color,
          order: body.tags.length - index,
          createdAt: now,
        };
      }),
    });
  const created = await changeWithCorpTagWrite(queue, tenantId, { kind: 'create-group', groupKey }, create);
  return toCorpTagGroupView(created.toObject() as StoredCorpTagGroup);
}

export async function renameCorpTagGroup(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  groupKey: string,
  name: string,
): Promise<CorpTagGroupView> {
  const group = await groupOrThrow(tenantId, groupKey);
  await assertGroupNameFree(tenantId, name, group._id);
  const saved = await changeWithCorpTagWrite(
    queue,
    tenantId,
    { kind: 'rename', target: 'group', key: groupKey },
    () =>
      changedOr(
        updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), () => ({ name })),
        notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND'),
      ),
  );
  return toCorpTagGroupView({ ...saved.group, name });
}

export async function addCorpTag(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  groupKey: string,
  body: z.infer<typeof addTagRequestSchema>,
): Promise<CorpTagGroupView> {
  const tagKey = newPendingId();
  const add = () =>
    updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), (group) => {
      if (group.tags.some((tag) => tag.name === body.name)) throw conflict(TAG_EXISTS, 'TAG_EXISTS');
      // Order 0 puts it after the ordered tags, and after the older ones of order 0, as WeCom lists them.
      const tag = {
        tagId: tagKey,
        localId: tagKey,
        pending: true,
        name: body.name,
        color: body.color,
        order: 0,
        createdAt: new Date(),
      };
      return { tags: [...group.tags, tag] };
    });
  const saved = await changeWithCorpTagWrite(
    queue,
    tenantId,
    { kind: 'create-tags', groupKey, tagKeys: [tagKey] },
    () => changedOr(add(), notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND')),
  );
  return toCorpTagGroupView({ ...saved.group, ...saved.changed } as StoredCorpTagGroup);
}

export async function editCorpTag(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  tagKey: string,
  body: z.infer<typeof editTagRequestSchema>,
): Promise<CorpTagGroupView> {
  let renamed = false;
  const edit = () =>
    updateCorpTagGroup(tagKeyFilter(tenantId, tagKey), (group) => {
      const tag = group.tags.find((t) => hasKey(t, tagKey));
      if (!tag) return null;
      if (body.name !== undefined && group.tags.some((t) => t !== tag && t.name === body.name)) {
        throw conflict(TAG_EXISTS, 'TAG_EXISTS');
      }
      renamed = body.name !== undefined && body.name !== tag.name;
      const changed = {
        ...tag,
        ...(body.name ? { name: body.name } : {}),
        ...(body.color ? { color: body.color } : {}),
      };
      return { tags: group.tags.map((t) => (t === tag ? changed : t)) };
    });
  const saved = await changeWithCorpTagWrite(
    queue,
    tenantId,
    { kind: 'rename', target: 'tag', key: tagKey },
    () => changedOr(edit(), notFound(TAG_MISSING, 'TAG_NOT_FOUND')),
    // Colours are ours alone (I-105): only a new name goes to WeCom.
    () => renamed,
  );
  return toCorpTagGroupView({ ...saved.group, ...saved.changed } as StoredCorpTagGroup);
}

/** Deleting a group's last tag deletes the group, as WeCom does (no empty groups). */
export async function deleteCorpTag(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  tagKey: string,
): Promise<void> {
  const group = (await CorpTagGroupModel.findOne(
    tagKeyFilter(tenantId, tagKey),
  ).lean()) as StoredCorpTagGroup | null;
  const tag = group?.tags.find((t) => hasKey(t, tagKey));
  if (!group || !tag) throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
  if (group.tags.length === 1) {
    await deleteCorpTagGroup(queue, tenantId, group.groupId);
    return;
  }
  const wecomIds = isPendingId(tag.tagId) ? [] : [tag.tagId];
  await changeWithCorpTagWrite(
    queue,
    tenantId,
    { kind: 'delete', tagIds: wecomIds, groupIds: [], customerTagIds: wecomIds },
    () =>
      changedOr(
        updateCorpTagGroup(tagKeyFilter(tenantId, tagKey), (current) => ({
          tags: current.tags.filter((t) => !hasKey(t, tagKey)),
        })),
        notFound(TAG_MISSING, 'TAG_NOT_FOUND'),
      ),
  );
}

export async function deleteCorpTagGroup(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  groupKey: string,
): Promise<void> {
  const group = await groupOrThrow(tenantId, groupKey);
  const tagIds = group.tags.map((tag) => tag.tagId).filter((id) => !isPendingId(id));
  await changeWithCorpTagWrite(
    queue,
    tenantId,
    {
      kind: 'delete',
      tagIds: [],
      groupIds: isPendingId(group.groupId) ? [] : [group.groupId],
      customerTagIds: tagIds,
    },
    () => CorpTagGroupModel.deleteOne({ tenantId, _id: group._id }),
  );
}

/** Drag order (R-7.3.1-02): the first shown gets the largest order, as WeCom sorts. */
export async function reorderCorpTagGroups(queue: CorpTagWriteQueueDeps, tenantId: string, ids: string[]) {
  const groups = await CorpTagGroupModel.find({ tenantId }, { groupId: 1, localId: 1 }).lean();
  // Every id must be known before anything moves, so a stale list changes nothing.
  const chosen = ids.map((id) => groups.find((g) => hasKey(g, id)));
  if (chosen.some((group) => !group)) throw notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND');
  const keys = chosen.map((group) => group!.groupId);
  await changeWithCorpTagWrite(queue, tenantId, { kind: 'reorder', target: 'group', keys }, async () => {
    for (const [index, group] of chosen.entries()) {
      await updateCorpTagGroup({ tenantId, _id: group!._id }, () => ({ order: ids.length - index }));
    }
  });
  return listCorpTagGroups(tenantId);
}

export async function reorderCorpTags(
  queue: CorpTagWriteQueueDeps,
  tenantId: string,
  groupKey: string,
  ids: string[],
) {
  const reorder = () =>
    updateCorpTagGroup(groupKeyFilter(tenantId, groupKey), (group) => {
      if (ids.some((id) => !group.tags.some((tag) => hasKey(tag, id))))
        throw notFound(TAG_MISSING, 'TAG_NOT_FOUND');
      return {
        tags: group.tags.map((tag) => {
          const index = ids.findIndex((id) => hasKey(tag, id));
          return index < 0 ? tag : { ...tag, order: ids.length - index };
        }),
      };
    });
  const saved = await changeWithCorpTagWrite(
    queue,
    tenantId,
    { kind: 'reorder', target: 'tag', keys: ids },
    () => changedOr(reorder(), notFound(GROUP_MISSING, 'TAG_GROUP_NOT_FOUND')),
  );
  return toCorpTagGroupView({ ...saved.group, ...saved.changed } as StoredCorpTagGroup);
}

import { CorpTagGroupModel, type CorpTagGroup } from '../models/corp-tag.model';

export type StoredCorpTagGroup = CorpTagGroup & { _id: unknown; updatedAt: Date };
export type StoredCorpTag = CorpTagGroup['tags'][number];

/** A group by WeCom's id or by the pending id it had. */
export function groupKeyFilter(tenantId: string, key: string) {
  return { tenantId, $or: [{ groupId: key }, { localId: key }] };
}

/** The group holding a tag, by the tag's WeCom id or pending id. */
export function tagKeyFilter(tenantId: string, key: string) {
  return { tenantId, $or: [{ 'tags.tagId': key }, { 'tags.localId': key }] };
}

export function hasKey(item: { tagId?: string; groupId?: string; localId?: string | null }, key: string) {
  return item.tagId === key || item.groupId === key || item.localId === key;
}

/**
 * Read-modify-write of one tag group, guarded by its `updatedAt`: FerretDB has no positional updates, so
 * embedded tags change by rewriting the array, and a concurrent writer (the sync, the write-through
 * workflow, another admin) makes us read again instead of being overwritten. `change` answers the fields
 * to set, or null to leave the group as it is.
 */
export async function updateCorpTagGroup<T extends Record<string, unknown>>(
  filter: Record<string, unknown> & { tenantId: string },
  change: (group: StoredCorpTagGroup) => T | null,
): Promise<{ group: StoredCorpTagGroup; changed: T | null } | null> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const group = (await CorpTagGroupModel.findOne(filter).lean()) as StoredCorpTagGroup | null;
    if (!group) return null;
    const fields = change(group);
    if (!fields) return { group, changed: null };
    const result = await CorpTagGroupModel.updateOne(
      { tenantId: filter.tenantId, _id: group._id, updatedAt: group.updatedAt },
      { $set: fields },
    );
    if (result.matchedCount === 1) return { group, changed: fields };
  }
  throw new Error('corp tag group kept changing under us; try again');
}

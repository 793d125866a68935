/**
 * A corp's customer tags (企业标签, API.md §5.6): groups of tags, `order` larger first, names unique among groups
 * and within a group, at most 30 characters. A group cannot be empty: deleting its last tag removes it.
 * Deleted tags and groups are kept: get_corp_tag_list by `tag_id` or `group_id` still answers them, flagged
 * `deleted: true` (and the live ones `deleted: false`); the full list shows neither them nor the flag.
 */
import { WecomError } from '../wecom-error';
import { randomWecomId } from './external-ids';

export interface CorpTag {
  id: string;
  name: string;
  create_time: number;
  order: number;
  /** Only in answers to a query by id. */
  deleted?: boolean;
}

export interface CorpTagGroup {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
  deleted?: boolean;
  tag: CorpTag[];
}

type StoredTag = CorpTag & { deleted: boolean };
type StoredGroup = Omit<CorpTagGroup, 'tag'> & { deleted: boolean; tag: StoredTag[] };

export interface NewTags {
  group_id?: string;
  group_name?: string;
  order?: number;
  tag: Array<{ name: string; order?: number }>;
}

const NAME_MAX = 30;
/** Corp-wide cap (API.md B6: 3,000 in the older doc, 10,000 in a 2026 digest); configurable per catalog. */
export const DEFAULT_TAG_CAP = 10_000;

export interface TagDeletion {
  deletedTagIds: string[];
  /** Groups removed, whether asked for or emptied by deleting their last tag. */
  deletedGroupIds: string[];
}

function checkName(name: string | undefined, what: string): string {
  const trimmed = (name ?? '').trim();
  if (trimmed === '' || [...trimmed].length > NAME_MAX) {
    throw new WecomError(40058, `${what} must be 1-${NAME_MAX} characters`);
  }
  return trimmed;
}

export class CorpTagCatalog {
  private readonly groups = new Map<string, StoredGroup>();

  constructor(
    private readonly nowSeconds: () => number,
    private readonly newId: () => string = () => randomWecomId('et'),
    readonly cap = DEFAULT_TAG_CAP,
  ) {}

  /**
   * Groups and tags sorted as WeCom shows them: larger order first, then oldest first. Unfiltered, the live
   * ones; by group id, those groups with all their tags; by tag id, the groups holding those tags with only
   * them; both by id, deleted ones included and every group and tag flagged (API.md §5.6).
   */
  list(filter: { tagIds?: string[]; groupIds?: string[] } = {}): CorpTagGroup[] {
    const sorted = [...this.groups.values()].sort(byOrder).map((group) => ({
      ...group,
      tag: [...group.tag].sort(byOrder).map((tag) => ({ ...tag })),
    }));
    if (filter.groupIds?.length) {
      const wanted = new Set(filter.groupIds);
      return sorted.filter((group) => wanted.has(group.group_id));
    }
    if (filter.tagIds?.length) {
      const wanted = new Set(filter.tagIds);
      return sorted
        .map((group) => ({ ...group, tag: group.tag.filter((tag) => wanted.has(tag.id)) }))
        .filter((group) => group.tag.length > 0);
    }
    return sorted.filter((group) => !group.deleted).map((group) => unflagged(group, liveTags(group)));
  }

  isTag(id: string): boolean {
    return this.liveGroups().some((group) => liveTags(group).some((tag) => tag.id === id));
  }

  isGroup(id: string): boolean {
    return this.groups.get(id)?.deleted === false;
  }

  tagCount(): number {
    return this.liveGroups().reduce((sum, group) => sum + liveTags(group).length, 0);
  }

  private liveGroups(): StoredGroup[] {
    return [...this.groups.values()].filter((group) => !group.deleted);
  }

  /**
   * add_corp_tag: into `group_id`, or into the group named `group_name` (created when new). Names already in the
   * group, or repeated in the call, are not added twice.
   */
  add(request: NewTags, ids?: { groupId?: string; tagIds?: string[] }): CorpTagGroup {
    if (request.tag.length === 0) throw new WecomError(40058, 'tag must not be empty');
    const names = request.tag.map((tag) => ({
      name: checkName(tag.name, 'tag name'),
      order: tag.order ?? 0,
    }));
    let group: StoredGroup | undefined;
    if (request.group_id) {
      if (!this.isGroup(request.group_id)) throw new WecomError(40068, `group_id ${request.group_id}`);
      group = this.groups.get(request.group_id)!;
    } else {
      const groupName = checkName(request.group_name, 'group_name');
      group = this.liveGroups().find((g) => g.group_name === groupName);
      if (!group) {
        group = {
          group_id: ids?.groupId ?? this.newId(),
          group_name: groupName,
          create_time: this.nowSeconds(),
          order: request.order ?? 0,
          deleted: false,
          tag: [],
        };
        this.groups.set(group.group_id, group);
      }
    }
    const target = group;
    const added: StoredTag[] = [];
    names.forEach((entry, index) => {
      const existing = liveTags(target).find((tag) => tag.name === entry.name);
      if (existing) {
        if (!added.includes(existing)) added.push(existing);
        return;
      }
      if (this.tagCount() >= this.cap) throw new WecomError(40058, `a corp has at most ${this.cap} tags`);
      const tag = {
        id: ids?.tagIds?.[index] ?? this.newId(),
        name: entry.name,
        create_time: this.nowSeconds(),
        order: entry.order,
        deleted: false,
      };
      target.tag.push(tag);
      added.push(tag);
    });
    return unflagged(target, added);
  }

  /** edit_corp_tag: `id` is a tag or a group; names must stay unique among their siblings. */
  edit(
    id: string,
    change: { name?: string; order?: number },
  ): { kind: 'tag' | 'tag_group'; groupId: string } {
    const group = this.isGroup(id) ? this.groups.get(id) : undefined;
    if (group) {
      if (change.name !== undefined) {
        const name = checkName(change.name, 'name');
        if (this.liveGroups().some((g) => g !== group && g.group_name === name))
          throw new WecomError(40058, `a tag group named ${name} exists`);
        group.group_name = name;
      }
      if (change.order !== undefined) group.order = change.order;
      return { kind: 'tag_group', groupId: group.group_id };
    }
    for (const owner of this.liveGroups()) {
      const tag = liveTags(owner).find((t) => t.id === id);
      if (!tag) continue;
      if (change.name !== undefined) {
        const name = checkName(change.name, 'name');
        if (liveTags(owner).some((t) => t !== tag && t.name === name))
          throw new WecomError(40058, `a tag named ${name} exists in ${owner.group_name}`);
        tag.name = name;
      }
      if (change.order !== undefined) tag.order = change.order;
      return { kind: 'tag', groupId: owner.group_id };
    }
    throw new WecomError(40068, `id ${id}`);
  }

  /** del_corp_tag: every id must exist (40068 otherwise, nothing deleted). Deleted ones stay, flagged. */
  delete(tagIds: string[], groupIds: string[]): TagDeletion {
    if (tagIds.length === 0 && groupIds.length === 0)
      throw new WecomError(40058, 'tag_id and group_id are both empty');
    for (const id of groupIds) if (!this.isGroup(id)) throw new WecomError(40068, `group_id ${id}`);
    for (const id of tagIds) if (!this.isTag(id)) throw new WecomError(40068, `tag_id ${id}`);

    const deletedTagIds: string[] = [];
    const deletedGroupIds: string[] = [];
    const doomedGroups = new Set(groupIds);
    const doomedTags = new Set(tagIds);
    for (const group of this.liveGroups()) {
      for (const tag of liveTags(group)) {
        if (!doomedGroups.has(group.group_id) && !doomedTags.has(tag.id)) continue;
        tag.deleted = true;
        deletedTagIds.push(tag.id);
      }
      if (liveTags(group).length === 0) {
        group.deleted = true;
        deletedGroupIds.push(group.group_id);
      }
    }
    return { deletedTagIds, deletedGroupIds };
  }
}

/** A group as the full list and add_corp_tag answer it: without `deleted` flags. */
function unflagged(group: StoredGroup, tags: StoredTag[]): CorpTagGroup {
  const { group_id, group_name, create_time, order } = group;
  return {
    group_id,
    group_name,
    create_time,
    order,
    tag: tags.map(({ id, name, create_time, order }) => ({ id, name, create_time, order })),
  };
}

function liveTags(group: StoredGroup): StoredTag[] {
  return group.tag.filter((tag) => !tag.deleted);
}

function byOrder(
  a: { order: number; create_time: number },
  b: { order: number; create_time: number },
): number {
  return b.order - a.order || a.create_time - b.create_time;
}

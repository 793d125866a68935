import type { z } from 'zod';
import {
  corpTagGroupListSchema,
  corpTagGroupSchema,
  createCorpTagGroupRequestSchema,
  createGroupTagGroupRequestSchema,
  groupTagGroupListSchema,
  groupTagGroupSchema,
  type addTagRequestSchema,
  type editTagRequestSchema,
} from '../../../lib/contracts/tags.contract';
import type { AppContext } from '../../app-context';
import type { RoutePermission } from '../../auth/authorize';
import type { Caller } from '../../auth/caller';
import type { CorpTagWriteQueueDeps } from './corp-tag-write-queue';
import * as corpTags from './corp-tags.use-case';
import * as groupTags from './group-tags.use-case';
import { auditTagChange } from './tag-audit';

/** What every tag group view has, and what the audit log keeps of one. */
export interface TagGroupView {
  id: string;
  name: string;
  tags: Array<{ id: string; name: string; color: string }>;
}

type NewTag = z.infer<typeof addTagRequestSchema>;
type TagEdit = z.infer<typeof editTagRequestSchema>;
export type TagGroupKey = { groupKey: string } | { tagKey: string };

/** What one kind of tags is and who may read it: the routes and the audit rows follow from it. */
interface TagKind<C extends z.ZodType> {
  /** The paths' prefix (`/api/tags/<kind>-groups`) and the audit target's type (`<kind>-tag-group`). */
  kind: 'corp' | 'group';
  title: string;
  /** Said after each write's summary: where the change goes. */
  writeNote: string;
  /** Who may read the groups (the pickers of other pages read them too). */
  readPermission: RoutePermission;
  createBody: C;
  groupSchema: z.ZodType;
  listSchema: z.ZodType;
}

/** The tenant's tags of one kind as stored, without caller or audit. */
interface TagStore<C extends z.ZodType> {
  list(tenantId: string): Promise<TagGroupView[]>;
  find(tenantId: string, key: TagGroupKey): Promise<TagGroupView | null>;
  createGroup(tenantId: string, body: z.infer<C>): Promise<TagGroupView>;
  renameGroup(tenantId: string, groupKey: string, name: string): Promise<TagGroupView>;
  deleteGroup(tenantId: string, groupKey: string): Promise<void>;
  reorderGroups(tenantId: string, ids: string[]): Promise<TagGroupView[]>;
  addTag(tenantId: string, groupKey: string, tag: NewTag): Promise<TagGroupView>;
  reorderTags(tenantId: string, groupKey: string, ids: string[]): Promise<TagGroupView>;
  editTag(tenantId: string, tagKey: string, edit: TagEdit): Promise<TagGroupView>;
  deleteTag(tenantId: string, tagKey: string): Promise<void>;
}

/**
 * One kind of tags of 标签管理 (R-7.3): 企业微信标签 (written through to WeCom) or 群标签 (local). Both have
 * the same use cases, so one set of routes and one audit trail serve both: every change records the tag group
 * before and after (the groups' order for a reorder).
 */
export interface TagCatalogue<C extends z.ZodType> extends TagKind<C> {
  list(caller: Caller): Promise<TagGroupView[]>;
  createGroup(caller: Caller, body: z.infer<C>): Promise<TagGroupView>;
  renameGroup(caller: Caller, input: { groupId: string; name: string }): Promise<TagGroupView>;
  deleteGroup(caller: Caller, input: { groupId: string }): Promise<void>;
  reorderGroups(caller: Caller, input: { ids: string[] }): Promise<TagGroupView[]>;
  addTag(caller: Caller, input: NewTag & { groupId: string }): Promise<TagGroupView>;
  reorderTags(caller: Caller, input: { groupId: string; ids: string[] }): Promise<TagGroupView>;
  editTag(caller: Caller, input: TagEdit & { id: string }): Promise<TagGroupView>;
  deleteTag(caller: Caller, input: { id: string }): Promise<void>;
}

function tagCatalogue<C extends z.ZodType>(kind: TagKind<C>, store: TagStore<C>): TagCatalogue<C> {
  const audit = (caller: Caller, change: Omit<Parameters<typeof auditTagChange>[1], 'kind'>) =>
    auditTagChange(caller, { kind: kind.kind, ...change });
  return {
    ...kind,
    list: ({ tenantId }) => store.list(tenantId),
    async createGroup(caller, body) {
      const created = await store.createGroup(caller.tenantId, body);
      await audit(caller, { action: 'tag-group.create', before: null, after: created });
      return created;
    },
    async renameGroup(caller, { groupId, name }) {
      const before = await store.find(caller.tenantId, { groupKey: groupId });
      const after = await store.renameGroup(caller.tenantId, groupId, name);
      await audit(caller, { action: 'tag-group.edit', before, after });
      return after;
    },
    async deleteGroup(caller, { groupId }) {
      const before = await store.find(caller.tenantId, { groupKey: groupId });
      await store.deleteGroup(caller.tenantId, groupId);
      await audit(caller, { action: 'tag-group.delete', before, after: null });
    },
    async reorderGroups(caller, { ids }) {
      const before = await store.list(caller.tenantId);
      const after = await store.reorderGroups(caller.tenantId, ids);
      await audit(caller, { action: 'tag-group.reorder', before, after });
      return after;
    },
    async addTag(caller, { groupId, ...tag }) {
      const before = await store.find(caller.tenantId, { groupKey: groupId });
      const after = await store.addTag(caller.tenantId, groupId, tag);
      await audit(caller, { action: 'tag.create', before, after });
      return after;
    },
    async reorderTags(caller, { groupId, ids }) {
      const before = await store.find(caller.tenantId, { groupKey: groupId });
      const after = await store.reorderTags(caller.tenantId, groupId, ids);
      await audit(caller, { action: 'tag.reorder', before, after });
      return after;
    },
    async editTag(caller, { id, ...edit }) {
      const before = await store.find(caller.tenantId, { tagKey: id });
      const after = await store.editTag(caller.tenantId, id, edit);
      await audit(caller, { action: 'tag.edit', before, after });
      return after;
    },
    async deleteTag(caller, { id }) {
      const before = await store.find(caller.tenantId, { tagKey: id });
      await store.deleteTag(caller.tenantId, id);
      const after = before && (await store.find(caller.tenantId, { groupKey: before.id }));
      await audit(caller, { action: 'tag.delete', before, after });
    },
  };
}

export function corpTagCatalogue(
  queue: CorpTagWriteQueueDeps,
): TagCatalogue<typeof createCorpTagGroupRequestSchema> {
  return tagCatalogue(
    {
      kind: 'corp',
      title: '企业微信标签',
      writeNote: '; written through to WeCom',
      readPermission: ['system.tags', 'customer.customers', 'customer.groups'],
      createBody: createCorpTagGroupRequestSchema,
      groupSchema: corpTagGroupSchema,
      listSchema: corpTagGroupListSchema,
    },
    {
      list: corpTags.listCorpTagGroups,
      find: corpTags.findCorpTagGroup,
      createGroup: (tenantId, body) => corpTags.createCorpTagGroup(queue, tenantId, body),
      renameGroup: (tenantId, key, name) => corpTags.renameCorpTagGroup(queue, tenantId, key, name),
      deleteGroup: (tenantId, key) => corpTags.deleteCorpTagGroup(queue, tenantId, key),
      reorderGroups: (tenantId, ids) => corpTags.reorderCorpTagGroups(queue, tenantId, ids),
      addTag: (tenantId, key, tag) => corpTags.addCorpTag(queue, tenantId, key, tag),
      reorderTags: (tenantId, key, ids) => corpTags.reorderCorpTags(queue, tenantId, key, ids),
      editTag: (tenantId, key, edit) => corpTags.editCorpTag(queue, tenantId, key, edit),
      deleteTag: (tenantId, key) => corpTags.deleteCorpTag(queue, tenantId, key),
    },
  );
}

/** 群标签: deleting a tag (or its group) takes it off the customer groups, which the 客户群 index follows. */
export function groupTagCatalogue({
  listSearch,
}: Pick<AppContext, 'listSearch'>): TagCatalogue<typeof createGroupTagGroupRequestSchema> {
  return tagCatalogue(
    {
      kind: 'group',
      title: '群标签',
      writeNote: '',
      readPermission: ['system.tags', 'customer.groups'],
      createBody: createGroupTagGroupRequestSchema,
      groupSchema: groupTagGroupSchema,
      listSchema: groupTagGroupListSchema,
    },
    {
      list: groupTags.listGroupTagGroups,
      find: groupTags.findGroupTagGroup,
      createGroup: (tenantId, body) => groupTags.createGroupTagGroup(tenantId, body.name),
      renameGroup: groupTags.renameGroupTagGroup,
      deleteGroup: (tenantId, key) => groupTags.deleteGroupTagGroup(listSearch, tenantId, key),
      reorderGroups: groupTags.reorderGroupTagGroups,
      addTag: groupTags.addGroupTag,
      reorderTags: groupTags.reorderGroupTags,
      editTag: groupTags.editGroupTag,
      deleteTag: (tenantId, key) => groupTags.deleteGroupTag(listSearch, tenantId, key),
    },
  );
}

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
import type { ListSearch } from '../../../lib/search/list-read-model';
import type { RoutePermission } from '../../auth/authorize';
import type { CorpTagWriteQueueDeps } from './corp-tag-write-queue';
import * as corpTags from './corp-tags.use-case';
import * as groupTags from './group-tags.use-case';

/** What every tag group view has, and what the audit log keeps of one. */
export interface TagGroupView {
  id: string;
  name: string;
  tags: Array<{ id: string; name: string; color: string }>;
}

type NewTag = z.infer<typeof addTagRequestSchema>;
type TagEdit = z.infer<typeof editTagRequestSchema>;
export type TagGroupKey = { groupKey: string } | { tagKey: string };

/**
 * One kind of tags of 标签管理: 企业微信标签 (written through to WeCom) or 群标签 (local). Both have
 * the same operations, so one set of routes and one audit trail serve both.
 */
export interface TagCatalogue<C extends z.ZodType> {
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

export function corpTagCatalogue(
  queue: CorpTagWriteQueueDeps,
): TagCatalogue<typeof createCorpTagGroupRequestSchema> {
  return {
    kind: 'corp',
    title: '企业微信标签',
    writeNote: '; written through to WeCom',
    readPermission: ['system.tags', 'customer.customers', 'customer.groups'],
    createBody: createCorpTagGroupRequestSchema,
    groupSchema: corpTagGroupSchema,
    listSchema: corpTagGroupListSchema,
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
  };
}

/** 群标签: deleting a tag (or its group) takes it off the customer groups, which the 客户群 index follows. */
export function groupTagCatalogue(search: ListSearch): TagCatalogue<typeof createGroupTagGroupRequestSchema> {
  return {
    kind: 'group',
    title: '群标签',
    writeNote: '',
    readPermission: ['system.tags', 'customer.groups'],
    createBody: createGroupTagGroupRequestSchema,
    groupSchema: groupTagGroupSchema,
    listSchema: groupTagGroupListSchema,
    list: groupTags.listGroupTagGroups,
    find: groupTags.findGroupTagGroup,
    createGroup: (tenantId, body) => groupTags.createGroupTagGroup(tenantId, body.name),
    renameGroup: groupTags.renameGroupTagGroup,
    deleteGroup: (tenantId, key) => groupTags.deleteGroupTagGroup(search, tenantId, key),
    reorderGroups: groupTags.reorderGroupTagGroups,
    addTag: groupTags.addGroupTag,
    reorderTags: groupTags.reorderGroupTags,
    editTag: groupTags.editGroupTag,
    deleteTag: (tenantId, key) => groupTags.deleteGroupTag(search, tenantId, key),
  };
}

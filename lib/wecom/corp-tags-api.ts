import type { WeComClient, WeComCredentials } from './client';

/**
 * The one client for WeCom's corp customer tags (企业标签, API.md §5.6): the tag library (get_corp_tag_list,
 * add_corp_tag, edit_corp_tag, del_corp_tag) and tags on a member × customer relation (mark_tag).
 */

export interface WeComCorpTag {
  id: string;
  name: string;
  create_time?: number;
  order?: number;
  /** Only in answers by tag or group id: true for a tag WeCom deleted. */
  deleted?: boolean;
}

export interface WeComCorpTagGroup {
  group_id: string;
  group_name: string;
  create_time?: number;
  order?: number;
  deleted?: boolean;
  tag: WeComCorpTag[];
}

export interface NewCorpTags {
  /** An existing group; otherwise `group_name` names the group to create (WeCom has no empty groups). */
  group_id?: string;
  group_name?: string;
  order?: number;
  tag: Array<{ name: string; order?: number }>;
}

export function createCorpTagsApi(client: WeComClient) {
  return {
    /**
     * All live tag groups, or those named by id (group ids win when both are given, as in WeCom). By id, WeCom
     * also answers deleted groups and tags, flagged `deleted: true` (lib/customers/corp-tag-records.ts never
     * stores those as live); by tag id, a group holds only the tags asked for.
     */
    async list(
      credentials: WeComCredentials,
      filter: { tagIds?: string[]; groupIds?: string[] } = {},
    ): Promise<WeComCorpTagGroup[]> {
      const answer = await client.call<{ tag_group?: WeComCorpTagGroup[] }>(credentials, {
        method: 'POST',
        path: '/externalcontact/get_corp_tag_list',
        body: { tag_id: filter.tagIds ?? [], group_id: filter.groupIds ?? [] },
      });
      return answer.tag_group ?? [];
    },

    /** Answers the group with the tags of this call, in the order asked (existing names come back as they are). */
    async add(credentials: WeComCredentials, request: NewCorpTags): Promise<WeComCorpTagGroup> {
      const answer = await client.call<{ tag_group: WeComCorpTagGroup }>(credentials, {
        method: 'POST',
        path: '/externalcontact/add_corp_tag',
        body: request,
      });
      return answer.tag_group;
    },

    /** `id` is a tag or a group id. */
    async edit(credentials: WeComCredentials, change: { id: string; name?: string; order?: number }) {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/edit_corp_tag',
        body: change,
      });
    },

    async remove(credentials: WeComCredentials, ids: { tagIds: string[]; groupIds: string[] }) {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/del_corp_tag',
        body: { tag_id: ids.tagIds, group_id: ids.groupIds },
      });
    },

    /** Puts tags on and takes them off one member × customer relation (tags are per relation). */
    async markTag(
      credentials: WeComCredentials,
      request: { userid: string; externalUserid: string; addTagIds: string[]; removeTagIds: string[] },
    ): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/mark_tag',
        body: {
          userid: request.userid,
          external_userid: request.externalUserid,
          add_tag: request.addTagIds,
          remove_tag: request.removeTagIds,
        },
      });
    },
  };
}

export type CorpTagsApi = ReturnType<typeof createCorpTagsApi>;

import type { WeComClient, WeComCredentials } from './client';

/** Typed calls to WeCom's corp customer tags (企业标签), shapes as in API.md §5.6. */

export interface WeComCorpTag {
  id: string;
  name: string;
  create_time: number;
  order: number;
}

export interface WeComCorpTagGroup {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
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
    async list(credentials: WeComCredentials): Promise<WeComCorpTagGroup[]> {
      const answer = await client.call<{ tag_group: WeComCorpTagGroup[] }>(credentials, {
        method: 'POST',
        path: '/externalcontact/get_corp_tag_list',
        body: {},
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
  };
}

export type CorpTagsApi = ReturnType<typeof createCorpTagsApi>;

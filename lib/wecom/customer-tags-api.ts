import type { WeComClient, WeComCredentials } from './client';

/** Typed calls to WeCom's corp-tag marking (API.md §5.6); tags live on one member × customer relation. */
export function createCustomerTagsApi(client: WeComClient) {
  return {
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

export type CustomerTagsApi = ReturnType<typeof createCustomerTagsApi>;

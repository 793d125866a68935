import type { WeComClient, WeComCredentials } from './client';

/** Temporary media (media/upload): a mini-program welcome's cover is sent as pic_media_id (API.md §7.1). */
export function createMediaApi(client: WeComClient) {
  return {
    async uploadImage(
      credentials: WeComCredentials,
      image: { bytes: Buffer; name: string; contentType: string },
    ): Promise<string> {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(image.bytes)], { type: image.contentType }), image.name);
      const answer = await client.call<{ media_id: string }>(credentials, {
        method: 'POST',
        path: '/media/upload',
        query: { type: 'image' },
        body: form,
      });
      return answer.media_id;
    },
  };
}

export type MediaApi = ReturnType<typeof createMediaApi>;

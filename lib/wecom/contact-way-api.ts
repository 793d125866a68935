import type { WeComClient, WeComCredentials } from './client';

/** 「联系我」 as we configure it (API.md §6): always a QR way (scene 2). */
export interface ContactWayConfig {
  type: 1 | 2;
  skipVerify: boolean;
  /** ≤ 30 characters; echoed back in the add event's State. */
  state: string;
  remark: string;
  user: string[];
  party: number[];
}

const QR_SCENE = 2;

/** get_contact_way's `contact_way` is an object today and an array in older answers (API.md B5). */
function firstWay<T>(way: T | T[] | undefined): T | undefined {
  return Array.isArray(way) ? way[0] : way;
}

/** Typed calls to WeCom's contact-way APIs (API.md §6). */
export function createContactWayApi(client: WeComClient) {
  return {
    async addContactWay(
      credentials: WeComCredentials,
      way: ContactWayConfig,
    ): Promise<{ configId: string; qrCode: string }> {
      const answer = await client.call<{ config_id: string; qr_code?: string }>(credentials, {
        method: 'POST',
        path: '/externalcontact/add_contact_way',
        body: {
          type: way.type,
          scene: QR_SCENE,
          remark: way.remark,
          skip_verify: way.skipVerify,
          state: way.state,
          user: way.user,
          ...(way.type === 2 ? { party: way.party } : {}),
        },
      });
      return { configId: answer.config_id, qrCode: answer.qr_code ?? '' };
    },

    /** user, party and remark replace what WeCom had. */
    async updateContactWay(
      credentials: WeComCredentials,
      configId: string,
      way: ContactWayConfig,
    ): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/update_contact_way',
        body: {
          config_id: configId,
          remark: way.remark,
          skip_verify: way.skipVerify,
          state: way.state,
          user: way.user,
          ...(way.type === 2 ? { party: way.party } : {}),
        },
      });
    },

    async getContactWay(
      credentials: WeComCredentials,
      configId: string,
    ): Promise<{ config_id: string; qr_code?: string; user?: string[]; party?: number[]; state?: string }> {
      const answer = await client.call<{ contact_way: unknown }>(credentials, {
        method: 'POST',
        path: '/externalcontact/get_contact_way',
        body: { config_id: configId },
      });
      return firstWay(answer.contact_way as never) ?? { config_id: configId };
    },

    async deleteContactWay(credentials: WeComCredentials, configId: string): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/del_contact_way',
        body: { config_id: configId },
      });
    },
  };
}

export type ContactWayApi = ReturnType<typeof createContactWayApi>;

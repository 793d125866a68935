import type { WeComClient, WeComCredentials } from './client';

/** An attachment as send_welcome_msg and group welcome templates take it (API.md §7.1). */
export type WelcomeAttachmentBody =
  | { msgtype: 'image'; image: { pic_url: string } }
  | { msgtype: 'link'; link: { title: string; url: string; desc?: string; picurl?: string } }
  | {
      msgtype: 'miniprogram';
      miniprogram: { title: string; pic_media_id: string; appid: string; page: string };
    };

export interface WelcomeBody {
  text?: { content: string };
  attachments: WelcomeAttachmentBody[];
}

/** A group welcome template's content: text plus at most one attachment, keyed by its kind (API.md §7.2). */
export interface GroupWelcomeBody {
  text?: { content: string };
  image?: { pic_url: string };
  link?: { title: string; url: string; desc?: string; picurl?: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
}

/** Typed calls to WeCom's welcome APIs (API.md §7). */
export function createWelcomeApi(client: WeComClient) {
  return {
    async sendWelcomeMessage(
      credentials: WeComCredentials,
      welcomeCode: string,
      body: WelcomeBody,
    ): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/send_welcome_msg',
        body: { welcome_code: welcomeCode, ...body },
      });
    },

    async addGroupWelcomeTemplate(credentials: WeComCredentials, body: GroupWelcomeBody): Promise<string> {
      // notify 0: WeCom would tell members itself; our app message (R-2.3.2-03) says it in the manual's words.
      const answer = await client.call<{ template_id: string }>(credentials, {
        method: 'POST',
        path: '/externalcontact/group_welcome_template/add',
        body: { ...body, notify: 0 },
      });
      return answer.template_id;
    },

    async editGroupWelcomeTemplate(
      credentials: WeComCredentials,
      templateId: string,
      body: GroupWelcomeBody,
    ): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/group_welcome_template/edit',
        body: { template_id: templateId, ...body },
      });
    },

    async deleteGroupWelcomeTemplate(credentials: WeComCredentials, templateId: string): Promise<void> {
      await client.call(credentials, {
        method: 'POST',
        path: '/externalcontact/group_welcome_template/del',
        body: { template_id: templateId },
      });
    },
  };
}

export type WelcomeApi = ReturnType<typeof createWelcomeApi>;

import { NICKNAME_VARIABLE, type WelcomeAttachment } from '../contracts/welcome-messages.contract';
import type { GroupWelcomeBody, WelcomeAttachmentBody, WelcomeBody } from '../wecom/welcome-api';

/** A stored welcome: text and at most one attachment (I-35). */
export interface StoredWelcome {
  text: string;
  attachment?: WelcomeAttachment | null;
}

/** How the message's images are reached by WeCom (pic_url) and, for a mini-program cover, its media id. */
export interface WelcomeMedia {
  imageUrl(fileId: string): string;
  /** The mini-program cover's temporary media id (uploaded beforehand: lib/acquisition/welcome-media.ts). */
  mediaId(fileId: string): string;
}

/** `#nickname#` becomes the customer's name (R-2.3.1-04); a customer without one gets an empty string. */
export function renderNickname(text: string, nickname: string): string {
  return text.split(NICKNAME_VARIABLE).join(nickname);
}

function attachmentBody(
  attachment: WelcomeAttachment,
  media: WelcomeMedia,
): WelcomeAttachmentBody | undefined {
  switch (attachment.kind) {
    case 'image':
      return { msgtype: 'image', image: { pic_url: media.imageUrl(attachment.fileId) } };
    case 'link':
      return {
        msgtype: 'link',
        link: {
          title: attachment.title,
          url: attachment.url,
          ...(attachment.desc ? { desc: attachment.desc } : {}),
          ...(attachment.picUrl ? { picurl: attachment.picUrl } : {}),
        },
      };
    case 'miniprogram':
      return {
        msgtype: 'miniprogram',
        miniprogram: {
          title: attachment.title,
          pic_media_id: media.mediaId(attachment.coverFileId),
          appid: attachment.appid,
          page: attachment.page,
        },
      };
  }
}

/** send_welcome_msg's body for one new customer. */
export function welcomeBody(welcome: StoredWelcome, nickname: string, media: WelcomeMedia): WelcomeBody {
  const text = renderNickname(welcome.text, nickname).trim();
  const attachment = welcome.attachment ? attachmentBody(welcome.attachment, media) : undefined;
  return { ...(text ? { text: { content: text } } : {}), attachments: attachment ? [attachment] : [] };
}

/** A group welcome template's body; WeCom's own placeholder is %NICKNAME% (API.md §7.2). */
export function groupWelcomeBody(welcome: StoredWelcome, media: WelcomeMedia): GroupWelcomeBody {
  const body = welcomeBody({ ...welcome, text: renderNickname(welcome.text, '%NICKNAME%') }, '', media);
  const attachment = body.attachments[0];
  return {
    ...(body.text ? { text: body.text } : {}),
    ...(attachment?.msgtype === 'image' ? { image: attachment.image } : {}),
    ...(attachment?.msgtype === 'link' ? { link: attachment.link } : {}),
    ...(attachment?.msgtype === 'miniprogram' ? { miniprogram: attachment.miniprogram } : {}),
  };
}

const ATTACHMENT_LABELS: Record<WelcomeAttachment['kind'], string> = {
  image: '[图片]',
  link: '[链接]',
  miniprogram: '[小程序]',
};

/** 发布内容 in the lists (R-2.3.2-01): the text followed by the attachment type, e.g. "欢迎来到沃丰科技 [图片]". */
export function welcomeSummary(welcome: StoredWelcome): string {
  const label = welcome.attachment ? ATTACHMENT_LABELS[welcome.attachment.kind] : '';
  return [welcome.text, label].filter(Boolean).join(' ');
}

import type { UndeliveredRecipient } from '../../../shared/undelivered/undelivered';

/** 欢迎语 as the api answers (lib/contracts/welcome-messages.contract.ts). */
export type WelcomeKind = 'default' | 'group';

export type WelcomeAttachment =
  | { kind: 'image'; fileId: string; name: string }
  | { kind: 'link'; title: string; url: string; desc: string; picUrl: string }
  | { kind: 'miniprogram'; title: string; appid: string; page: string; coverFileId: string };

export interface Welcome {
  id: string;
  text: string;
  attachment: WelcomeAttachment | null;
  summary: string;
  creatorName: string;
  updatedAt: string;
  sync?: { status: 'pending' | 'synced' | 'failed'; errcode?: number; errmsg?: string };
  /** Group welcomes: the owners the app notice about it did not reach. */
  ownersUndelivered?: UndeliveredRecipient[];
}

export interface WelcomePage {
  items: Welcome[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UploadedImage {
  fileId: string;
  name: string;
  url: string;
}

export const WELCOME_TEXT_MAX = 300;
export const NICKNAME = '#nickname#';
export const IMAGE_RULE = '只能上传jpg/png格式图片，且不超过2M';

/** The phone preview's text (R-2.3.1-05): #nickname# shown as a sample name. */
export function previewText(text: string): string {
  return text.split(NICKNAME).join('客户昵称');
}

/** An image the form may upload: jpg/png, at most 2 MB. */
export function imageProblem(file: { type: string; size: number }): string | null {
  if (!['image/jpeg', 'image/png'].includes(file.type) || file.size > 2 * 1024 * 1024) return IMAGE_RULE;
  return null;
}

import type {
  WelcomeView,
  welcomeImageSchema,
  welcomePageSchema,
} from '@contracts/welcome-messages.contract';
import type { z } from 'zod';

/** 欢迎语 as the api answers (lib/contracts/welcome-messages.contract.ts). */
export type WelcomeKind = 'default' | 'group';

export type { WelcomeAttachment } from '@contracts/welcome-messages.contract';
export type Welcome = WelcomeView;
export type WelcomePage = z.infer<typeof welcomePageSchema>;

/** POST …/images answer. */
export type UploadedImage = z.infer<typeof welcomeImageSchema>;

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

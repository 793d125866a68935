/**
 * /cgi-bin/externalcontact/send_welcome_msg and group_welcome_template/* (API.md §7). Welcome attachments use
 * the shapes shared with add_msg_template; at most 9, and text and attachments are not both empty.
 */
import { z } from 'zod';
import type { GroupWelcomeContent } from '../acquisition/group-welcome-templates';
import { MEDIA_TYPES, type MediaType } from '../acquisition/media-store';
import type { Corp } from '../state/corp';
import type { SecretKind } from '../state/secret-kinds';
import { WecomError } from '../wecom-error';
import type { WecomEndpointSpec } from './wecom-endpoint';

const WELCOME_APIS: readonly SecretKind[] = ['externalContact', 'app'];
const WELCOME_TEXT_MAX_BYTES = 4000;
const ATTACHMENTS_MAX = 9;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const imageSchema = z
  .object({ media_id: z.string().optional(), pic_url: z.string().optional() })
  .refine((image) => image.media_id || image.pic_url, 'image needs media_id or pic_url');
const linkSchema = z.object({
  title: z
    .string()
    .min(1)
    .refine((t) => bytes(t) <= 128, 'title ≤ 128 bytes'),
  picurl: z.string().optional(),
  desc: z
    .string()
    .refine((t) => bytes(t) <= 512, 'desc ≤ 512 bytes')
    .optional(),
  url: z.string().min(1),
});
const miniprogramSchema = z.object({
  title: z
    .string()
    .min(1)
    .refine((t) => bytes(t) <= 64, 'title ≤ 64 bytes'),
  pic_media_id: z.string().min(1),
  appid: z.string().min(1),
  page: z.string().min(1),
});
const mediaSchema = z.object({ media_id: z.string().min(1) });

/** One attachment of send_welcome_msg or add_msg_template (API.md §7.1). */
export const attachmentSchema = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('image'), image: imageSchema }),
  z.object({ msgtype: z.literal('link'), link: linkSchema }),
  z.object({ msgtype: z.literal('miniprogram'), miniprogram: miniprogramSchema }),
  z.object({ msgtype: z.literal('video'), video: mediaSchema }),
  z.object({ msgtype: z.literal('file'), file: mediaSchema }),
]);

export type MessageAttachment = z.output<typeof attachmentSchema>;

/**
 * The text and attachments of a message to customers, checked as send_welcome_msg and add_msg_template both
 * check them: text ≤ 4,000 bytes, at most 9 attachments, not both empty (40058); a mini-program cover must
 * come from media/upload (40007). An empty text counts as none.
 */
export function checkedMessageContent(
  corp: Corp,
  input: { text?: { content: string }; attachments?: MessageAttachment[] },
): { text?: { content: string }; attachments: MessageAttachment[] } {
  const attachments = input.attachments ?? [];
  const text = input.text?.content ? input.text : undefined;
  if (!text && attachments.length === 0) throw new WecomError(40058, 'text and attachments are both empty');
  if (text && bytes(text.content) > WELCOME_TEXT_MAX_BYTES)
    throw new WecomError(40058, `text.content is at most ${WELCOME_TEXT_MAX_BYTES} bytes`);
  if (attachments.length > ATTACHMENTS_MAX)
    throw new WecomError(40058, `at most ${ATTACHMENTS_MAX} attachments`);
  for (const attachment of attachments) {
    if (
      attachment.msgtype === 'miniprogram' &&
      !corp.media.isValid(attachment.miniprogram.pic_media_id, 'image')
    )
      throw new WecomError(40007, 'invalid pic_media_id');
  }
  return { ...(text ? { text } : {}), attachments };
}

const sendWelcomeSchema = z.object({
  welcome_code: z.string().optional(),
  text: z.object({ content: z.string() }).optional(),
  attachments: z.array(attachmentSchema).optional(),
});

const templateContentFields = {
  text: z.object({ content: z.string() }).optional(),
  image: imageSchema.optional(),
  link: linkSchema.optional(),
  miniprogram: miniprogramSchema.optional(),
  file: mediaSchema.optional(),
  video: mediaSchema.optional(),
};
const addTemplateSchema = z.object({
  ...templateContentFields,
  agentid: z.number().int().optional(),
  notify: z.union([z.literal(0), z.literal(1)]).optional(),
});
const editTemplateSchema = z.object({
  template_id: z.string().optional(),
  ...templateContentFields,
  agentid: z.number().int().optional(),
});
const templateIdSchema = z.object({
  template_id: z.string().optional(),
  agentid: z.number().int().optional(),
});

function contentOf(input: GroupWelcomeContent): GroupWelcomeContent {
  const { text, image, link, miniprogram, file, video } = input;
  return Object.fromEntries(
    Object.entries({ text, image, link, miniprogram, file, video }).filter(([, v]) => v !== undefined),
  );
}

/** The multipart form must carry a file part named `media` (the doc's field name). */
const MEDIA_PART = /content-disposition:\s*form-data;[^\r\n]*name="media"/i;

export const welcomeEndpoints: Record<string, WecomEndpointSpec> = {
  '/media/upload': {
    allowed: ['externalContact', 'app', 'contacts'],
    handle: ({ corp, query, rawBody }) => {
      const type = query('type');
      if (!type || !MEDIA_TYPES.includes(type as MediaType))
        throw new WecomError(40004, `type ${type ?? ''}`);
      if (!MEDIA_PART.test(rawBody())) throw new WecomError(41005, 'media file is missing');
      const uploaded = corp.media.upload(type as MediaType);
      return { type, media_id: uploaded.media_id, created_at: String(uploaded.created_at) };
    },
  },
  '/externalcontact/send_welcome_msg': {
    allowed: WELCOME_APIS,
    handle: ({ corp, body }) => {
      const input = body(sendWelcomeSchema);
      corp.welcomeCodes.send(input.welcome_code, checkedMessageContent(corp, input));
      return {};
    },
  },
  '/externalcontact/group_welcome_template/add': {
    allowed: WELCOME_APIS,
    handle: ({ corp, body }) => {
      const input = body(addTemplateSchema);
      const template = corp.groupWelcomeTemplates.add(contentOf(input), input.notify ?? 1);
      return { template_id: template.template_id };
    },
  },
  '/externalcontact/group_welcome_template/edit': {
    allowed: WELCOME_APIS,
    handle: ({ corp, body }) => {
      const input = body(editTemplateSchema);
      corp.groupWelcomeTemplates.edit(input.template_id ?? '', contentOf(input));
      return {};
    },
  },
  '/externalcontact/group_welcome_template/get': {
    allowed: WELCOME_APIS,
    handle: ({ corp, body }) => {
      return { ...contentOf(corp.groupWelcomeTemplates.get(body(templateIdSchema).template_id ?? '')) };
    },
  },
  '/externalcontact/group_welcome_template/del': {
    allowed: WELCOME_APIS,
    handle: ({ corp, body }) => {
      corp.groupWelcomeTemplates.delete(body(templateIdSchema).template_id ?? '');
      return {};
    },
  },
};

import { undeliveredRecipientSchema } from './app-message.contract';
import { pageOf, paginationQuerySchema, z, objectIdString } from './common.contract';

/** 欢迎语 (R-2.3, I-35): text at most 300 characters, plus at most one attachment. */
export const WELCOME_TEXT_MAX = 300;
export const NICKNAME_VARIABLE = '#nickname#';
export const WELCOME_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const WELCOME_IMAGE_TYPES = ['image/jpeg', 'image/png'];

const characters = (text: string) => [...text].length;
const url = (message: string) => z.url({ protocol: /^https?$/, error: message });

export const welcomeAttachmentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    fileId: objectIdString('请上传图片'),
    name: z.string().max(200).default(''),
  }),
  z.object({
    kind: z.literal('link'),
    title: z.string().trim().min(1, '请输入链接标题').max(40, '链接标题最多40个字'),
    url: url('请输入正确的链接地址'),
    desc: z.string().trim().max(150, '链接描述最多150个字').default(''),
    picUrl: z.union([url('请输入正确的封面地址'), z.literal('')]).default(''),
  }),
  z.object({
    kind: z.literal('miniprogram'),
    title: z.string().trim().min(1, '请输入小程序标题').max(20, '小程序标题最多20个字'),
    appid: z.string().trim().min(1, '请输入小程序AppID').max(64),
    page: z.string().trim().min(1, '请输入小程序页面路径').max(200),
    /** The cover, uploaded like an image. */
    coverFileId: objectIdString('请上传小程序封面'),
  }),
]);
export type WelcomeAttachment = z.infer<typeof welcomeAttachmentSchema>;

const welcomeTextSchema = (placeholderMessage: string) =>
  z
    .string({ error: placeholderMessage })
    .trim()
    .refine((text) => characters(text) <= WELCOME_TEXT_MAX, `欢迎语最多${WELCOME_TEXT_MAX}个字`);

export const saveWelcomeSchema = z
  .object({
    text: welcomeTextSchema('请输入欢迎语'),
    attachment: welcomeAttachmentSchema.nullable().default(null),
  })
  .refine((welcome) => welcome.text.length > 0 || welcome.attachment, {
    message: '请输入欢迎语',
    path: ['text'],
  })
  .openapi('SaveWelcome');
export type SaveWelcomeRequest = z.infer<typeof saveWelcomeSchema>;

export const welcomeSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    attachment: welcomeAttachmentSchema.nullable(),
    /** 发布内容 as the list shows it: the text followed by the attachment type, e.g. "… [图片]". */
    summary: z.string(),
    creatorName: z.string(),
    /** 配置时间 */
    updatedAt: z.string(),
    sync: z
      .object({
        status: z.enum(['pending', 'synced', 'failed']),
        errcode: z.number().int().optional(),
        errmsg: z.string().optional(),
      })
      .optional(),
    /** Group templates: the owners the notice about it (R-2.3.2-03) did not reach (未送达). */
    ownersUndelivered: z.array(undeliveredRecipientSchema).optional(),
  })
  .openapi('Welcome');
export type WelcomeView = z.infer<typeof welcomeSchema>;

export const welcomeParamsSchema = z.object({ welcomeId: objectIdString('欢迎语不存在') });
export const welcomeListQuerySchema = paginationQuerySchema;
export const welcomePageSchema = pageOf(welcomeSchema).openapi('WelcomePage');

export const welcomeImageSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  url: z.string(),
});
export const welcomeImageParamsSchema = z.object({
  tenantId: z.string().min(1).max(64),
  fileId: objectIdString('图片不存在'),
});

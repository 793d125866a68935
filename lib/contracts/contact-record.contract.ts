import { undeliveredRecipientSchema } from './app-message.contract';
import { pageOf, paginationQuerySchema, z, objectIdString } from './common.contract';

/** R-3.1.3-03: text at most 100 字; I-49: at most 9 attachments per record; each at most 20 MB. */
export const CONTACT_RECORD_TEXT_MAX = 100;
export const CONTACT_RECORD_ATTACHMENTS_MAX = 9;
export const CONTACT_RECORD_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const customerRecordsParamsSchema = z.object({
  externalUserid: z.string().min(1).max(64),
});

export const contactRecordParamsSchema = customerRecordsParamsSchema.extend({
  recordId: objectIdString('联系记录不存在'),
});

export const attachmentParamsSchema = z.object({ fileId: objectIdString('附件不存在') });

export const contactRecordListQuerySchema = paginationQuerySchema;

export const createContactRecordSchema = z
  .object({
    kind: z.enum(['record', 'reminder'], { error: '请选择联系记录或提醒事项' }),
    text: z
      .string({ error: '请输入内容' })
      .trim()
      .min(1, '请输入内容')
      .max(CONTACT_RECORD_TEXT_MAX, `内容最多${CONTACT_RECORD_TEXT_MAX}个字`),
    /** Ids from POST /api/contact-record-attachments, uploaded first. */
    attachmentIds: z
      .array(objectIdString('附件不存在'))
      .max(CONTACT_RECORD_ATTACHMENTS_MAX, `最多上传${CONTACT_RECORD_ATTACHMENTS_MAX}个附件`)
      .default([]),
    /** @同事 (提醒事项 only): they get a WeCom app message at once. */
    mentionUserids: z.array(z.string().min(1).max(64)).max(50, '最多@50位同事').default([]),
    /** 定时提醒 (提醒事项 only), ISO 8601; must be in the future (I-50). */
    remindAt: z.iso.datetime({ offset: true, error: '提醒时间格式有误' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'reminder' && value.mentionUserids.length === 0 && !value.remindAt) {
      ctx.addIssue({ code: 'custom', message: '提醒事项请@同事或设置提醒时间', path: ['remindAt'] });
    }
    if (value.kind === 'record' && (value.mentionUserids.length > 0 || value.remindAt)) {
      ctx.addIssue({
        code: 'custom',
        message: '联系记录不能@同事或设置提醒，请选择提醒事项',
        path: ['kind'],
      });
    }
  })
  .openapi('CreateContactRecord');
export type CreateContactRecord = z.infer<typeof createContactRecordSchema>;

export const contactRecordAttachmentSchema = z
  .object({ fileId: z.string(), name: z.string(), size: z.number().int(), contentType: z.string() })
  .openapi('ContactRecordAttachment');

export const contactRecordSchema = z
  .object({
    id: z.string(),
    externalUserid: z.string(),
    kind: z.enum(['record', 'reminder']),
    text: z.string(),
    attachments: z.array(contactRecordAttachmentSchema),
    mentions: z.array(z.object({ userid: z.string(), name: z.string() })),
    remindAt: z.string().nullable(),
    creator: z.object({ userid: z.string(), name: z.string() }),
    /** 提醒事项: the members WeCom did not deliver its messages to (未送达). */
    undelivered: z.array(undeliveredRecipientSchema),
    createdAt: z.string(),
    /** The caller created it, so the timeline offers 删除. */
    mine: z.boolean(),
  })
  .openapi('ContactRecord');
export type ContactRecordView = z.infer<typeof contactRecordSchema>;

export const contactRecordPageSchema = pageOf(contactRecordSchema).openapi('ContactRecordPage');

/** Documents the multipart field only: the api streams the body with busboy, so zod never sees the file. */
export const uploadAttachmentBodySchema = z
  .object({ file: z.string().optional().openapi({ format: 'binary' }) })
  .openapi('ContactRecordAttachmentUpload');

/** @同事 picker: colleagues by name, for anyone who writes records (the staff list itself needs 组织架构). */
export const colleagueQuerySchema = paginationQuerySchema.extend({
  keyword: z.string().trim().max(64).optional(),
});

export const colleagueSchema = z
  .object({ userid: z.string(), name: z.string(), avatar: z.string() })
  .openapi('Colleague');

export const colleaguePageSchema = pageOf(colleagueSchema).openapi('ColleaguePage');

import { z } from './common.contract';

/** 内容存档: the message pane of one conversation. */

/** 消息类型 (R-5.1.1-07): 文本, 图片, 视频, 文件, 链接, 聊天记录; 全部 = no filter. */
export const ARCHIVE_MESSAGE_TYPES = ['text', 'image', 'video', 'file', 'link', 'chatrecord'] as const;

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

export const archiveMessagesQuerySchema = z
  .object({
    /** A conversation of a chat list: `single:<a>|<b>` or `room:<roomid>`. */
    conversationId: z
      .string({ error: '请选择会话' })
      .regex(/^(single:[^|]+\|[^|]+|room:.+)$/, '会话有误')
      .max(300, '会话有误'),
    /** 聊天时间 (R-5.1.1-06), China days, both ends included. */
    from: day('开始日期').optional(),
    to: day('结束日期').optional(),
    msgtype: z.enum(ARCHIVE_MESSAGE_TYPES, { error: '消息类型有误' }).optional(),
    /** The previous page's nextCursor: older messages (加载更早的消息). */
    before: z.string().max(300).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(30),
  })
  .openapi('ArchiveMessagesQuery');

export const archiveMessageSchema = z
  .object({
    msgid: z.string(),
    msgtype: z.string(),
    action: z.string(),
    from: z.string(),
    senderType: z.enum(['staff', 'external']),
    tolist: z.array(z.string()),
    roomid: z.string(),
    /** ISO time; the admin shows YYYY-MM-DD HH:mm:ss. */
    msgtime: z.string(),
    content: z.string(),
    /** WeCom's body of the message, as archived (API.md §15.3). */
    body: z.record(z.string(), z.unknown()),
  })
  .openapi('ArchiveMessage');

export const archiveMessagePageSchema = z
  .object({
    /** Newest first; the pane shows them bottom-up and opens at the newest (R-5.1.1-10). */
    items: z.array(archiveMessageSchema),
    /** null: 没有更多了. */
    nextCursor: z.string().nullable(),
  })
  .openapi('ArchiveMessagePage');

export type ArchiveMessagesQuery = z.infer<typeof archiveMessagesQuerySchema>;
export type ArchiveMessagePage = z.infer<typeof archiveMessagePageSchema>;

import { pageOf, z, calendarDay } from './common.contract';

/** 内容存档: the message pane of one conversation. */

/** 消息类型 (R-5.1.1-07): 文本, 图片, 视频, 文件, 链接, 聊天记录; 全部 = no filter. */
export const ARCHIVE_MESSAGE_TYPES = ['text', 'image', 'video', 'file', 'link', 'chatrecord'] as const;

const day = (label: string) => calendarDay(`${label}格式应为YYYY-MM-DD`);

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

/** 全部 / 近30天 / 近90天 (R-5.1.1-05, R-5.1.2-02), by the conversation's last message; default 近30天. */
export const ARCHIVE_RANGES = ['30d', '90d', 'all'] as const;

/**
 * Whose chats: one staff member (按员工检索, R-5.1.1-02), one customer (按客户检索, 客户详情 → 企微会话记录), or
 * both: the customer's chats with that staff member (企微会话记录's 员工 filter, I-52).
 */
const archiveSubject = {
  staffUserid: z.string().min(1).max(64).optional(),
  externalUserid: z.string().min(1).max(64).optional(),
};
const someSubject = (value: { staffUserid?: string; externalUserid?: string }) =>
  value.staffUserid !== undefined || value.externalUserid !== undefined;
const SUBJECT_MESSAGE = '请选择一名员工或一位客户';

/**
 * 企微会话记录's 聊天时间 and 消息类型 (I-52) on a chat list or a search: only conversations, or messages, with
 * messages of that type in those China days.
 */
const messageConditions = {
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  msgtype: z.enum(ARCHIVE_MESSAGE_TYPES, { error: '消息类型有误' }).optional(),
};

export const archiveConversationsQuerySchema = z
  .object({
    ...archiveSubject,
    range: z.enum(ARCHIVE_RANGES, { error: '时间范围有误' }).default('30d'),
    /** 内部 / 外部 / 群聊 (R-5.1.1-03, I-76); absent = all. */
    chatKind: z.enum(['internal', 'external', 'group'], { error: '会话类型有误' }).optional(),
    ...messageConditions,
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine(someSubject, { message: SUBJECT_MESSAGE })
  .openapi('ArchiveConversationsQuery');

/** The other side of a conversation, as the chat list shows it (avatar + name). */
export const archivePeerSchema = z
  .object({
    kind: z.enum(['customer', 'staff', 'group']),
    /** externalUserid, userid or roomid: the 客户详情 / 群画像 link. */
    id: z.string(),
    name: z.string(),
    avatar: z.string(),
  })
  .openapi('ArchivePeer');

export const archiveConversationSchema = z
  .object({
    conversationId: z.string(),
    chatKind: z.enum(['internal', 'external', 'group']),
    peer: archivePeerSchema,
    /** ISO time of the last message. */
    lastMessageAt: z.string(),
    lastMessage: z.object({ msgtype: z.string(), from: z.string(), content: z.string() }),
  })
  .openapi('ArchiveConversation');

export const archiveConversationPageSchema =
  pageOf(archiveConversationSchema).openapi('ArchiveConversationPage');

/**
 * 按客户检索's list: customers with archived chats who agreed to archiving, last communication first, fuzzy by name
 * (R-5.1.2-01).
 */
export const archiveCustomersQuerySchema = z
  .object({
    keyword: z.string().trim().max(50, '搜索客户最多50个字').optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .openapi('ArchiveCustomersQuery');

export const archiveCustomerSchema = z
  .object({
    externalUserid: z.string(),
    name: z.string(),
    avatar: z.string(),
    /** 1 = 微信 (shown as "@微信"), 2 = 企业微信. */
    type: z.number().int().nullable(),
    lastContactAt: z.string(),
  })
  .openapi('ArchiveCustomer');

export const archiveCustomerPageSchema = pageOf(archiveCustomerSchema).openapi('ArchiveCustomerPage');

/**
 * Keyword search over the chosen person's chats (R-5.1.1-04, R-3.1.5-04): messages containing the keyword, any
 * text of one character or more (a Han character, an emoji, `vx`), letter case folded.
 */
export const archiveSearchQuerySchema = z
  .object({
    ...archiveSubject,
    keyword: z.string({ error: '请输入关键词' }).trim().min(1, '请输入关键词').max(50, '关键词最多50个字'),
    /** Only this conversation (the message pane's search); absent = all the person's chats. */
    conversationId: z.string().max(300, '会话有误').optional(),
    ...messageConditions,
    page: z.coerce.number().int().min(1).max(50).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine(someSubject, { message: SUBJECT_MESSAGE })
  .openapi('ArchiveSearchQuery');

/** A piece of a message's text; `hit` marks the keyword's occurrences. */
export const highlightSegmentSchema = z
  .object({ text: z.string(), hit: z.boolean() })
  .openapi('HighlightSegment');

export const archiveSearchHitSchema = z
  .object({
    conversationId: z.string(),
    chatKind: z.enum(['internal', 'external', 'group']),
    /** Whose chat the hit is in, as the chat list shows it: the customer, colleague or group, by name. */
    peer: archivePeerSchema,
    msgid: z.string(),
    msgtype: z.string(),
    from: z.string(),
    msgtime: z.string(),
    /** The message's text cut into plain and matched pieces (Elasticsearch's highlight). */
    segments: z.array(highlightSegmentSchema),
  })
  .openapi('ArchiveSearchHit');

export const archiveSearchPageSchema = pageOf(archiveSearchHitSchema)
  .extend({
    /** `total` stopped counting at its cap (1000): the page says "1000+". */
    totalCapped: z.boolean(),
  })
  .openapi('ArchiveSearchPage');

export type ArchiveConversationsQuery = z.infer<typeof archiveConversationsQuerySchema>;
export type ArchiveConversation = z.infer<typeof archiveConversationSchema>;
export type ArchiveConversationPage = z.infer<typeof archiveConversationPageSchema>;
export type ArchiveCustomersQuery = z.infer<typeof archiveCustomersQuerySchema>;
export type ArchiveCustomerPage = z.infer<typeof archiveCustomerPageSchema>;
export type ArchiveSearchQuery = z.infer<typeof archiveSearchQuerySchema>;
export type ArchiveSearchPage = z.infer<typeof archiveSearchPageSchema>;
export type HighlightSegment = z.infer<typeof highlightSegmentSchema>;

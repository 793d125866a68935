import { pageOf, paginationQuerySchema, z } from './common.contract';

/** 群发管理: the manual's limits (R-3.3.2-06, I-63). */
export const MASS_SEND_TEXT_MAX = 300;
export const MASS_SEND_MIN_LEAD_MINUTES = 5;
/** WeCom's add_msg_template takes at most this many external_userid per call (API.md §9): larger sends split. */
export const TEMPLATE_RECIPIENTS_MAX = 10_000;

/** 群发类型 (R-3.3.2-01): 发送给客户 / 发送给客户群. */
export const MASS_SEND_KINDS = ['customers', 'groups'] as const;
export type MassSendKind = (typeof MASS_SEND_KINDS)[number];
export const MASS_SEND_KIND_LABELS: Record<MassSendKind, string> = {
  customers: '发送给客户',
  groups: '发送给客户群',
};

/**
 * 状态 (I-61, and the two the workflow adds): a draft; scheduled (待发送); its templates being created in WeCom
 * (发送中); created, members completing it (已发送); WeCom refused every template (发送失败, with the reason); and
 * cancelled before or after it went out (已取消).
 */
export const MASS_SEND_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MassSendStatus = (typeof MASS_SEND_STATUSES)[number];
export const MASS_SEND_STATUS_LABELS: Record<MassSendStatus, string> = {
  draft: '草稿',
  scheduled: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  cancelled: '已取消',
};

const ids = (max: number, message: string) => z.array(z.string().trim().min(1)).max(max, message);

/**
 * 选择发送客户 (R-3.3.2-03/04, I-62): 全部客户, or 添加人 any-of AND 标签 any-of (either may be left empty, not
 * both), minus anyone carrying an excluded tag.
 */
export const customerAudienceSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('all'), excludeTagIds: ids(500, '剔除标签过多').default([]) }),
    z.object({
      mode: z.literal('filter'),
      adderUserids: ids(2000, '添加人过多').default([]),
      tagIds: ids(500, '标签过多').default([]),
      excludeTagIds: ids(500, '剔除标签过多').default([]),
    }),
  ])
  .refine(
    (audience) => audience.mode === 'all' || audience.adderUserids.length + audience.tagIds.length > 0,
    '请选择添加人或标签',
  );
export type CustomerAudience = z.infer<typeof customerAudienceSchema>;

/** 选择发送客户群 (I-64): every group of the chosen 群主, narrowed to those with any chosen 群标签. */
export const groupAudienceSchema = z.object({
  ownerUserids: ids(2000, '群主过多').min(1, '请选择群主'),
  groupTagIds: ids(500, '群标签过多').default([]),
});
export type GroupAudience = z.infer<typeof groupAudienceSchema>;

export const massSendAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customers'), customers: customerAudienceSchema }),
  z.object({ kind: z.literal('groups'), groups: groupAudienceSchema }),
]);
export type MassSendAudience = z.infer<typeof massSendAudienceSchema>;

/** 立即发送 or 定时发送 (R-3.3.2-07). */
export const massSendTimingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('now') }),
  z.object({
    mode: z.literal('scheduled'),
    sendAt: z.iso.datetime({ offset: true, error: '发送时间格式有误' }),
  }),
]);
export type MassSendTiming = z.infer<typeof massSendTimingSchema>;

/** 新建 / 编辑: saved as a draft (`draft: true`), or submitted to go out now or at its time. */
export const massSendInputSchema = z
  .object({
    audience: massSendAudienceSchema,
    text: z
      .string({ error: '请输入消息内容' })
      .trim()
      .min(1, '请输入消息内容')
      .max(MASS_SEND_TEXT_MAX, `消息内容最多${MASS_SEND_TEXT_MAX}字`),
    timing: massSendTimingSchema,
    /** Reminds members who have not sent yet after this many hours (0: never); beyond WeCom's own notice. */
    remindAfterHours: z.number().int().min(0).max(72, '自动提醒最多72小时后').default(0),
    draft: z.boolean().default(false),
  })
  .openapi('MassSendInput');
export type MassSendInput = z.infer<typeof massSendInputSchema>;

/**
 * I-63: a scheduled time must be at least 5 minutes ahead when the send is submitted (a draft may hold any
 * time: it is checked again when sent). Answers the message to show, or null.
 */
export function sendAtProblem(timing: MassSendTiming, now: Date): string | null {
  if (timing.mode === 'now') return null;
  const leadMs = new Date(timing.sendAt).getTime() - now.getTime();
  return leadMs >= MASS_SEND_MIN_LEAD_MINUTES * 60_000
    ? null
    : `定时发送时间需晚于当前时间${MASS_SEND_MIN_LEAD_MINUTES}分钟以上`;
}

const staffRefSchema = z.object({ userid: z.string(), name: z.string() });

/** Recipients by outcome: 已发送, 未发送 (still pending, or frozen after 7 days), 发送失败 with WeCom's reason. */
export const massSendProgressSchema = z.object({
  total: z.number().int(),
  sent: z.number().int(),
  unsent: z.number().int(),
  failed: z.number().int(),
});
export type MassSendProgress = z.infer<typeof massSendProgressSchema>;

export const massSendRowSchema = z
  .object({
    id: z.string(),
    kind: z.enum(MASS_SEND_KINDS),
    text: z.string(),
    status: z.enum(MASS_SEND_STATUSES),
    /** WeCom's reason when 发送失败. */
    failReason: z.string().nullable(),
    /** When it goes (or went) out; null for a draft sent 立即 when submitted. */
    sendAt: z.string().nullable(),
    creator: staffRefSchema,
    updatedAt: z.string(),
    progress: massSendProgressSchema,
  })
  .openapi('MassSendRow');
export type MassSendRow = z.infer<typeof massSendRowSchema>;

export const massSendPageSchema = pageOf(massSendRowSchema).openapi('MassSendPage');

export const massSendListQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(MASS_SEND_KINDS).optional(),
  status: z.enum(MASS_SEND_STATUSES).optional(),
  /** 创建人 name, fuzzy (I-61). */
  creator: z.string().trim().max(30, '创建人姓名过长').optional(),
});
export type MassSendListQuery = z.infer<typeof massSendListQuerySchema>;

/** Per recipient (R-3.3.3-02): 已发送 / 未发送 / 发送失败 (2: not a friend any more, 3: already received one). */
export const RECIPIENT_STATUSES = ['sent', 'unsent', 'failed'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  sent: '已发送',
  unsent: '未发送',
  failed: '发送失败',
};
export const RECIPIENT_FAIL_REASONS = ['not-friend', 'already-received'] as const;
export type RecipientFailReason = (typeof RECIPIENT_FAIL_REASONS)[number];
export const RECIPIENT_FAIL_LABELS: Record<RecipientFailReason, string> = {
  'not-friend': '客户已不是好友',
  'already-received': '客户已收到其他群发消息',
};

/** WeCom's per-recipient status (get_groupmsg_send_result) as ours; 0 stays 未发送 until it changes or freezes. */
export function recipientStatusOf(wecomStatus: number): {
  status: RecipientStatus;
  failReason: RecipientFailReason | null;
} {
  if (wecomStatus === 1) return { status: 'sent', failReason: null };
  if (wecomStatus === 2) return { status: 'failed', failReason: 'not-friend' };
  if (wecomStatus === 3) return { status: 'failed', failReason: 'already-received' };
  return { status: 'unsent', failReason: null };
}

export const massSendResultQuerySchema = paginationQuerySchema.extend({
  /** 全部 / 已发送 / 未发送 / 发送失败 (R-3.3.3-01). */
  status: z.enum(RECIPIENT_STATUSES).optional(),
  /** One member's recipients (the per-staff summary's link). */
  senderUserid: z.string().trim().min(1).optional(),
});
export type MassSendResultQuery = z.infer<typeof massSendResultQuerySchema>;

/** 刷新: whether the send's workflow was asked to poll WeCom now (false once its tracking is over). */
export const massSendRefreshSchema = z.object({ refreshing: z.boolean() }).openapi('MassSendRefresh');
export type MassSendRefresh = z.infer<typeof massSendRefreshSchema>;

/** 导出 the results: the tab and member in force, every page. */
export const massSendResultExportQuerySchema = massSendResultQuerySchema.omit({ page: true, pageSize: true });
export type MassSendResultExportQuery = z.infer<typeof massSendResultExportQuerySchema>;

export const massSendResultRowSchema = z
  .object({
    /** 处理人. */
    sender: staffRefSchema,
    /** 客户: the customer, or for a group send the 客户群 (I-66). */
    recipient: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(RECIPIENT_STATUSES),
    failReason: z.enum(RECIPIENT_FAIL_REASONS).nullable(),
    /** 完成时间. */
    sentAt: z.string().nullable(),
  })
  .openapi('MassSendResultRow');
export type MassSendResultRow = z.infer<typeof massSendResultRowSchema>;

export const massSendResultPageSchema = pageOf(massSendResultRowSchema).openapi('MassSendResultPage');

/** The audience's live count and exactly who (R-3.3.2-05): a page of it, each with who will send. */
export const AUDIENCE_PREVIEW_MAX = 10_000;
export const audiencePreviewQuerySchema = paginationQuerySchema
  .extend({ audience: massSendAudienceSchema })
  .refine(
    (query) => query.page * query.pageSize <= AUDIENCE_PREVIEW_MAX,
    `最多查看前${AUDIENCE_PREVIEW_MAX}位，请缩小筛选范围`,
  );
export const audiencePreviewSchema = z
  .object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.string(), name: z.string(), sender: staffRefSchema })),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('MassSendAudiencePreview');
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const massSendParamsSchema = z.object({ sendId: z.string().regex(/^[0-9a-f]{24}$/, '群发不存在') });

/** 群发详情 (R-3.3.3-01): the row, what it was set up with, and per member how far they got. */
export const massSendDetailSchema = massSendRowSchema
  .extend({
    audience: massSendAudienceSchema,
    timing: massSendTimingSchema,
    remindAfterHours: z.number().int(),
    senders: z.array(massSendProgressSchema.extend({ sender: staffRefSchema })),
  })
  .openapi('MassSendDetail');
export type MassSendDetail = z.infer<typeof massSendDetailSchema>;

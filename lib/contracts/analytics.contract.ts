import { pageOf, paginationQuerySchema, z, calendarDay } from './common.contract';
import { SENSITIVE_BEHAVIORS } from './sensitive-behavior-settings.contract';

/**
 * 统计分析 (§6): 客户分析, 员工分析 and 敏感行为分析, read from the daily rollups (one document per tenant ×
 * staff × China day, and per group owner × day; lib/models/staff-day-stat.model.ts and
 * owner-day-group-stat.model.ts) and, for 敏感行为分析, from the 敏感行为审核 records themselves.
 *
 * Ratios travel as numerator and denominator and durations as a total and a count, so that a period's figure
 * is a sum over its days (I-88) and the admin and the exports format them the same way (analytics-format.ts).
 */

/** A China day, YYYY-MM-DD. */
export const analyticsDaySchema = calendarDay('日期格式应为 YYYY-MM-DD');

/** The widest range a page reads: one year of daily rows (issue 17: any range is a sum over ≤366 days). */
export const ANALYTICS_MAX_DAYS = 366;

/** `?staff=a,b` or `?staff=a&staff=b`: 按员工查询 (R-6-02); empty = everyone in the caller's 数据权限. */
const staffList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(',')).map((id) => id.trim()).filter(Boolean),
  )
  .pipe(z.array(z.string().min(1).max(64)).max(200, '员工最多选择200个'));

/**
 * The checks of a 时间 range (from ≤ to, at most ANALYTICS_MAX_DAYS days), applied last: zod refuses to extend
 * a refined object, so each query is built whole and then checked.
 */
function checkedRange<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((range) => range.from <= range.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
    .refine((range) => daysBetween(range.from, range.to) < ANALYTICS_MAX_DAYS, {
      message: `时间范围最多${ANALYTICS_MAX_DAYS}天`,
      path: ['to'],
    });
}

/** 时间 (default: the last 7 days, ending yesterday, I-88) and 按员工查询. */
export const analyticsRangeQuerySchema = checkedRange(
  z.object({
    from: analyticsDaySchema,
    to: analyticsDaySchema,
    staff: staffList.optional(),
  }),
).openapi('AnalyticsRangeQuery');
export type AnalyticsRangeQuery = z.infer<typeof analyticsRangeQuerySchema>;

/** Days from `from` to `to` (0 when equal), both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A ratio over a period: Σ numerators / Σ denominators; "-" when the denominator is 0 (R-6-03). */
export const ratioSchema = z.object({ numerator: z.number().int(), denominator: z.number().int() });
export type Ratio = z.infer<typeof ratioSchema>;
/** A mean duration over a period: Σ seconds / Σ count; "-" when the count is 0. */
export const meanDurationSchema = z.object({ totalSeconds: z.number(), count: z.number().int() });
export type MeanDuration = z.infer<typeof meanDurationSchema>;

// ---------------------------------------------------------------------------------------------------------
// The daily figures (one staff member or one group owner, one day), as the rollups store them.

/** 客户联系 figures of one staff member on one day (R-6.1.1-02, R-6.1.2-02, R-6.2-03; API.md §10.1). */
export const staffDayFiguresSchema = z.object({
  /** 客户申请数. */
  newApply: z.number().int(),
  /** 新增客户数. */
  newContact: z.number().int(),
  /** 主动删除客户数 (only ours: WeCom has no such figure). */
  deletedByStaff: z.number().int(),
  /** 被客户删除数 / 删除/拉黑成员的客户数. */
  deletedByCustomer: z.number().int(),
  /** 聊天总数. */
  chatCnt: z.number().int(),
  /** 发送消息数. */
  messageCnt: z.number().int(),
  /** 已回复聊天占比: customer-started single chats replied within the natural day / customer-started chats. */
  reply: ratioSchema,
  /** 平均首次回复时长: Σ first-reply seconds of the replied chats / replied chats. */
  firstReply: meanDurationSchema,
});
export type StaffDayFigures = z.infer<typeof staffDayFiguresSchema>;

/** Customers a staff member added that day, by where they came from (R-6.1.1-04, I-89). */
export const CUSTOMER_SOURCES = ['qrcode', 'card', 'other'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];
export const CUSTOMER_SOURCE_LABELS: Record<CustomerSource, string> = {
  qrcode: '扫描二维码',
  card: '名片分享',
  other: '其他',
};

/** 客户群 figures of one owner on one day (R-6.1.3-02, R-6.2-05; API.md §10.2's `data`). */
export const ownerDayGroupFiguresSchema = z.object({
  /** 群聊总数, at the end of the day. */
  chatTotal: z.number().int(),
  /** 新增群聊数. */
  newChat: z.number().int(),
  /** 有过消息的群聊数. */
  chatHasMsg: z.number().int(),
  /** 群成员总数, at the end of the day. */
  memberTotal: z.number().int(),
  /** 新增群成员数. */
  newMember: z.number().int(),
  /** 发过消息的群成员数. */
  memberHasMsg: z.number().int(),
  /** 群聊消息总数. */
  msgTotal: z.number().int(),
});
export type OwnerDayGroupFigures = z.infer<typeof ownerDayGroupFiguresSchema>;

// ---------------------------------------------------------------------------------------------------------
// 客户分析 (R-6.1.*)

/** 客户概览 (R-6.1.1-02 … 05). */
export const customerOverviewSchema = z
  .object({
    cards: staffDayFiguresSchema.pick({
      newApply: true,
      newContact: true,
      deletedByStaff: true,
      deletedByCustomer: true,
    }),
    /** One point per day of the range, zeros included. */
    trend: z.array(
      z.object({
        day: analyticsDaySchema,
        newApply: z.number().int(),
        newContact: z.number().int(),
        deletedByStaff: z.number().int(),
        deletedByCustomer: z.number().int(),
      }),
    ),
    sources: z.array(z.object({ source: z.enum(CUSTOMER_SOURCES), count: z.number().int() })),
    /** Customers (of the staff in scope) per tag, now; most first. */
    tags: z.array(z.object({ tagId: z.string(), name: z.string(), count: z.number().int() })),
    /** 流失客户 of the range: relations ended by either side, not by 在职继承 (the 流失客户 list's rows). */
    lostCustomers: z.number().int(),
  })
  .openapi('CustomerOverview');
export type CustomerOverview = z.infer<typeof customerOverviewSchema>;

const chatFiguresSchema = staffDayFiguresSchema.pick({
  chatCnt: true,
  messageCnt: true,
  reply: true,
  firstReply: true,
});

/** 客户聊天分析 (R-6.1.2-*): the cards and the trend; 趋势明细 is the trend as a table. */
export const customerChatAnalysisSchema = z
  .object({
    cards: chatFiguresSchema,
    trend: z.array(chatFiguresSchema.extend({ day: analyticsDaySchema })),
  })
  .openapi('CustomerChatAnalysis');
export type CustomerChatAnalysis = z.infer<typeof customerChatAnalysisSchema>;

/** 客户群聊分析 (R-6.1.3-*): cards (totals as of the last day), and one point per day. */
export const customerGroupAnalysisSchema = z
  .object({
    cards: ownerDayGroupFiguresSchema.omit({ msgTotal: true }),
    trend: z.array(ownerDayGroupFiguresSchema.omit({ msgTotal: true }).extend({ day: analyticsDaySchema })),
  })
  .openapi('CustomerGroupAnalysis');
export type CustomerGroupAnalysis = z.infer<typeof customerGroupAnalysisSchema>;

/** 群聊明细 / 群成员明细 (R-6.1.3-04, -06): a page of days, newest first; 员工/部门 is 全公司 or the selection. */
export const groupDetailQuerySchema = checkedRange(
  paginationQuerySchema.extend({
    from: analyticsDaySchema,
    to: analyticsDaySchema,
    staff: staffList.optional(),
  }),
);
export type GroupDetailQuery = z.infer<typeof groupDetailQuerySchema>;
export const groupDetailRowSchema = ownerDayGroupFiguresSchema
  .omit({ msgTotal: true })
  .extend({ day: analyticsDaySchema, scopeLabel: z.string() });
export type GroupDetailRow = z.infer<typeof groupDetailRowSchema>;
export const groupDetailPageSchema = pageOf(groupDetailRowSchema).openapi('GroupDetailPage');

// ---------------------------------------------------------------------------------------------------------
// 员工分析 (R-6.2-*): one row per staff member / group owner, every numeric column sortable on the server.

export const STAFF_CONTACT_SORTS = [
  'newApply',
  'newContact',
  'chatCnt',
  'messageCnt',
  'replyRatio',
  'firstReply',
  'deletedByCustomer',
] as const;
const staffContactSortedRange = z.object({
  from: analyticsDaySchema,
  to: analyticsDaySchema,
  staff: staffList.optional(),
  sortBy: z.enum(STAFF_CONTACT_SORTS).default('newContact'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const staffContactQuerySchema = checkedRange(
  paginationQuerySchema.extend(staffContactSortedRange.shape),
);
export type StaffContactQuery = z.infer<typeof staffContactQuerySchema>;
/** 导出 of 客户沟通: every row, in the table's order. */
export const staffContactExportQuerySchema = checkedRange(staffContactSortedRange);
export type StaffContactExportQuery = z.infer<typeof staffContactExportQuerySchema>;
export const staffContactRowSchema = staffDayFiguresSchema
  .omit({ deletedByStaff: true })
  .extend({ userid: z.string(), name: z.string() })
  .openapi('StaffContactRow');
export type StaffContactRow = z.infer<typeof staffContactRowSchema>;
export const staffContactPageSchema = pageOf(staffContactRowSchema).openapi('StaffContactPage');

export const STAFF_GROUP_SORTS = [
  'chatTotal',
  'newChat',
  'chatHasMsg',
  'memberTotal',
  'newMember',
  'memberHasMsg',
  'msgTotal',
] as const;
const staffGroupSortedRange = z.object({
  from: analyticsDaySchema,
  to: analyticsDaySchema,
  staff: staffList.optional(),
  sortBy: z.enum(STAFF_GROUP_SORTS).default('chatTotal'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const staffGroupQuerySchema = checkedRange(paginationQuerySchema.extend(staffGroupSortedRange.shape));
export type StaffGroupQuery = z.infer<typeof staffGroupQuerySchema>;
/** 导出 of 客户群沟通: every row, in the table's order. */
export const staffGroupExportQuerySchema = checkedRange(staffGroupSortedRange);
export type StaffGroupExportQuery = z.infer<typeof staffGroupExportQuerySchema>;
export const staffGroupRowSchema = ownerDayGroupFiguresSchema
  .extend({ userid: z.string(), name: z.string() })
  .openapi('StaffGroupRow');
export type StaffGroupRow = z.infer<typeof staffGroupRowSchema>;
export const staffGroupPageSchema = pageOf(staffGroupRowSchema).openapi('StaffGroupPage');

/** 按员工查询's options: the staff inside the caller's 数据权限 (the picker never names anyone else). */
export const analyticsStaffOptionsSchema = z
  .object({ staff: z.array(z.object({ userid: z.string(), name: z.string() })) })
  .openapi('AnalyticsStaffOptions');
export type AnalyticsStaffOptions = z.infer<typeof analyticsStaffOptionsSchema>;

// ---------------------------------------------------------------------------------------------------------
// Rollups: their state and the backfill (W-16).

/** 补算: recompute a past range (WeCom's figures only for the last 180 days). */
export const ANALYTICS_WECOM_DAYS_BACK = 180;
export const analyticsBackfillRequestSchema = checkedRange(
  z.object({ from: analyticsDaySchema, to: analyticsDaySchema }),
).openapi('AnalyticsBackfillRequest');
export type AnalyticsBackfillRequest = z.infer<typeof analyticsBackfillRequestSchema>;
export const analyticsBackfillStatusSchema = z
  .object({
    running: z.boolean(),
    from: analyticsDaySchema.nullable(),
    to: analyticsDaySchema.nullable(),
    daysDone: z.number().int(),
    daysTotal: z.number().int(),
    /** The last day that finished, and when. */
    lastDay: analyticsDaySchema.nullable(),
    failure: z.string().nullable(),
  })
  .openapi('AnalyticsBackfillStatus');
export type AnalyticsBackfillStatus = z.infer<typeof analyticsBackfillStatusSchema>;

/** The counts both WeCom and our own events and archive have, compared by 数据核对. */
export const COMPARED_STAFF_FIELDS = [
  'newApply',
  'newContact',
  'chatCnt',
  'messageCnt',
  'deletedByCustomer',
] as const;
export type ComparedStaffField = (typeof COMPARED_STAFF_FIELDS)[number];

/** 数据核对's filter: the range, 按员工查询, and 只看不一致 (the days where some count differs). */
export const consistencyQuerySchema = checkedRange(
  paginationQuerySchema.extend({
    from: analyticsDaySchema,
    to: analyticsDaySchema,
    staff: staffList.optional(),
    onlyDifferent: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .default(false),
  }),
);
export type ConsistencyQuery = z.infer<typeof consistencyQuerySchema>;

const comparedCountsSchema = z.object(
  Object.fromEntries(
    COMPARED_STAFF_FIELDS.map((field) => [
      field,
      z.object({ wecom: z.number().int(), ours: z.number().int() }),
    ]),
  ) as Record<ComparedStaffField, z.ZodObject<{ wecom: z.ZodNumber; ours: z.ZodNumber }>>,
);

/**
 * 数据核对 (issue 17): one staff member's day for which WeCom answered, its counts beside ours (the pages show
 * WeCom's), newest first; and the range's sums.
 */
export const consistencyRowSchema = z
  .object({
    day: analyticsDaySchema,
    userid: z.string(),
    name: z.string(),
    counts: comparedCountsSchema,
    differs: z.boolean(),
  })
  .openapi('AnalyticsConsistencyRow');
export type ConsistencyRow = z.infer<typeof consistencyRowSchema>;
export const consistencyPageSchema = pageOf(consistencyRowSchema)
  .extend({ totals: comparedCountsSchema })
  .openapi('AnalyticsConsistencyPage');
export type ConsistencyPage = z.infer<typeof consistencyPageSchema>;

// ---------------------------------------------------------------------------------------------------------
// 敏感行为分析 (R-6.3.*, I-92 … I-94): aggregations over the 敏感行为审核 records.

export const SENSITIVE_VIEWS = ['staff', 'customer'] as const;
/** The filters of both 敏感行为分析 sections (I-94: 6.3.2 filters as 6.3.1 does). */
const sensitiveFilterShape = {
  /** 只看员工 (default, I-92) / 只看客户. */
  view: z.enum(SENSITIVE_VIEWS, { error: '请选择只看员工或只看客户' }).default('staff'),
  /** 状态: 全部 / 已审核 / 未审核. */
  status: z.enum(['all', 'reviewed', 'pending'], { error: '状态不正确' }).default('all'),
  /** 审核结果: 全部 / 违规属实 / 移除预警. */
  result: z.enum(['all', 'violation', 'dismissed'], { error: '审核结果不正确' }).default('all'),
  /** Default: from the first trigger until today (R-6.3.1-05). */
  from: analyticsDaySchema.optional(),
  to: analyticsDaySchema.optional(),
};
const rangeInOrder = (range: { from?: string; to?: string }) =>
  !range.from || !range.to || range.from <= range.to;
const RANGE_ORDER_ERROR = { message: '开始日期不能晚于结束日期', path: ['from'] };

export const sensitiveAnalysisQuerySchema = z
  .object(sensitiveFilterShape)
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .openapi('SensitiveAnalysisQuery');
export type SensitiveAnalysisQuery = z.infer<typeof sensitiveAnalysisQuerySchema>;

const behaviorCountsSchema = z.object(
  Object.fromEntries(SENSITIVE_BEHAVIORS.map((behavior) => [behavior, z.number().int()])) as Record<
    (typeof SENSITIVE_BEHAVIORS)[number],
    z.ZodNumber
  >,
);

export const sensitiveAnalysisSchema = z
  .object({
    /** The range actually used (the default filled in). */
    from: analyticsDaySchema,
    to: analyticsDaySchema,
    /** 敏感行为占比. */
    share: behaviorCountsSchema,
    /** 敏感行为趋势图: one point per day. */
    trend: z.array(behaviorCountsSchema.extend({ day: analyticsDaySchema })),
    /** 敏感词 TOP5, each word counted once per message. */
    topWords: z.array(z.object({ word: z.string(), count: z.number().int() })),
    /** 敏感词趋势图: per day, the TOP5 words' counts. */
    wordTrend: z.array(z.object({ day: analyticsDaySchema, counts: z.record(z.string(), z.number().int()) })),
  })
  .openapi('SensitiveAnalysis');
export type SensitiveAnalysis = z.infer<typeof sensitiveAnalysisSchema>;

export const SENSITIVE_RANKING_SORTS = [...SENSITIVE_BEHAVIORS, 'total'] as const;
const sensitiveRankingShape = {
  ...sensitiveFilterShape,
  sortBy: z.enum(SENSITIVE_RANKING_SORTS, { error: '排序字段不正确' }).default('total'),
  order: z.enum(['asc', 'desc'], { error: '排序方向不正确' }).default('desc'),
};
export const sensitiveRankingQuerySchema = paginationQuerySchema
  .extend(sensitiveRankingShape)
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .openapi('SensitiveRankingQuery');
export type SensitiveRankingQuery = z.infer<typeof sensitiveRankingQuerySchema>;
/** 导出: the ranking's filters and order, every row. */
export const sensitiveRankingExportQuerySchema = z
  .object(sensitiveRankingShape)
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .openapi('SensitiveRankingExportQuery');
export type SensitiveRankingExportQuery = z.infer<typeof sensitiveRankingExportQuerySchema>;
/** 触发敏感行为排名: 排名, 姓名, 部门 (staff) or 跟进人 (customer), the four behaviours, 违规总次数. */
export const sensitiveRankingRowSchema = behaviorCountsSchema
  .extend({
    rank: z.number().int(),
    id: z.string(),
    name: z.string(),
    /** 部门 names for a staff member, 跟进人 names for a customer. */
    context: z.array(z.string()),
    total: z.number().int(),
  })
  .openapi('SensitiveRankingRow');
export type SensitiveRankingRow = z.infer<typeof sensitiveRankingRowSchema>;
export const sensitiveRankingPageSchema = pageOf(sensitiveRankingRowSchema).openapi('SensitiveRankingPage');

/**
 * 敏感词触发排名 (R-6.3.2-03): the senders of the view (员工, or 客户 under 只看客户, so that the filter and the
 * ranking agree, I-92) by sensitive-word hits, a word counted once per message (I-94). `userid` is the
 * external userid of a customer.
 */
export const sensitiveWordRankingRowSchema = z
  .object({ rank: z.number().int(), userid: z.string(), name: z.string(), count: z.number().int() })
  .openapi('SensitiveWordRankingRow');
export type SensitiveWordRankingRow = z.infer<typeof sensitiveWordRankingRowSchema>;
export const sensitiveWordRankingPageSchema = pageOf(sensitiveWordRankingRowSchema).openapi(
  'SensitiveWordRankingPage',
);

/** 敏感词触发排名: the same filters, most hits first, paged. */
export const sensitiveWordRankingQuerySchema = paginationQuerySchema
  .extend(sensitiveFilterShape)
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .openapi('SensitiveWordRankingQuery');
export type SensitiveWordRankingQuery = z.infer<typeof sensitiveWordRankingQuerySchema>;
export const sensitiveWordRankingExportQuerySchema = z
  .object(sensitiveFilterShape)
  .refine(rangeInOrder, RANGE_ORDER_ERROR)
  .openapi('SensitiveWordRankingExportQuery');

import { undeliveredRecipientSchema } from './app-message.contract';
import { pageOf, paginationQuerySchema, z } from './common.contract';
import { SENSITIVE_BEHAVIORS } from './sensitive-behavior-settings.contract';

/** 待审核, 违规属实, 已移除. */
export const ALERT_STATUSES = ['pending', 'violation', 'dismissed'] as const;

/** 敏感行为列表: filters of the manual. */
export const sensitiveAlertListQuerySchema = paginationQuerySchema.extend({
  behavior: z.enum(['all', ...SENSITIVE_BEHAVIORS], { error: '敏感行为类型不正确' }).default('all'),
  /** 触发时间 from / to (inclusive instants). */
  from: z.coerce.date({ error: '开始日期不正确' }).optional(),
  to: z.coerce.date({ error: '结束日期不正确' }).optional(),
  /** 发送人 or 审核人 name, fuzzy (R-5.3.1-02). */
  keyword: z.string().trim().max(50, '搜索内容过长').optional(),
  /** 状态 (R-5.3.1-01): 未审核 or 已审核 (either 审核结果). */
  status: z.enum(['all', 'pending', 'reviewed'], { error: '审核状态不正确' }).default('all'),
});
export type SensitiveAlertListQuery = z.infer<typeof sensitiveAlertListQuerySchema>;

/** 导出: the list's filters, every matching row. */
export const sensitiveAlertExportQuerySchema = sensitiveAlertListQuerySchema.omit({
  page: true,
  pageSize: true,
});

export const sensitiveAlertSchema = z
  .object({
    id: z.string(),
    triggeredAt: z.string(),
    behavior: z.enum(SENSITIVE_BEHAVIORS),
    /** 触发人: the member's or the customer's name (R-5.3.1-07). */
    senderName: z.string(),
    senderType: z.enum(['staff', 'customer']),
    /** 好友/群名称 (I-86). */
    chatName: z.string(),
    ruleName: z.string().nullable(),
    /** 详情 in full; the list cuts it to 20 characters and marks `words` red (R-5.3.1-08). */
    content: z.string(),
    words: z.array(z.string()),
    status: z.enum(ALERT_STATUSES),
    reviewNote: z.string(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('SensitiveAlert');
export type SensitiveAlertView = z.infer<typeof sensitiveAlertSchema>;

export const sensitiveAlertPageSchema = pageOf(sensitiveAlertSchema).openapi('SensitiveAlertPage');

export const sensitiveAlertParamsSchema = z.object({ alertId: z.string().min(1).max(300) });

/** 审核 / 重新审核: 违规属实 or 移除预警, with an optional note. */
export const sensitiveAlertReviewSchema = z
  .object({
    verdict: z.enum(['violation', 'dismissed'], { error: '请选择审核结果' }),
    note: z.string().trim().max(200, '备注不能超过200个字').default(''),
  })
  .openapi('SensitiveAlertReview');
export type SensitiveAlertReviewInput = z.infer<typeof sensitiveAlertReviewSchema>;

/** The conversation around a hit: 5 messages before, the hit, 5 after; `words` to highlight. */
export const sensitiveAlertContextSchema = z
  .object({
    words: z.array(z.string()),
    messages: z.array(
      z.object({
        id: z.string(),
        senderName: z.string(),
        senderType: z.enum(['staff', 'customer']),
        msgtype: z.string(),
        msgtime: z.string(),
        content: z.string(),
        /** The message that raised the alert. */
        hit: z.boolean(),
      }),
    ),
    /** The members the app notice about the alert did not reach (未送达). */
    noticeUndelivered: z.array(undeliveredRecipientSchema),
  })
  .openapi('SensitiveAlertContext');
export type SensitiveAlertContext = z.infer<typeof sensitiveAlertContextSchema>;

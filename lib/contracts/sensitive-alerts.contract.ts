import { SENSITIVE_BEHAVIORS } from '../models/sensitive-behavior-settings.model';
import { pageOf, paginationQuerySchema, z } from './common.contract';

/** 敏感行为列表: filters of the manual. */
export const sensitiveAlertListQuerySchema = paginationQuerySchema.extend({
  behavior: z.enum(['all', ...SENSITIVE_BEHAVIORS], { error: '敏感行为类型不正确' }).default('all'),
  /** 触发时间 from / to (inclusive instants). */
  from: z.coerce.date({ error: '开始日期不正确' }).optional(),
  to: z.coerce.date({ error: '结束日期不正确' }).optional(),
  /** 发送人 name, fuzzy (R-5.3.1-02). */
  keyword: z.string().trim().max(50, '搜索内容过长').optional(),
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
  })
  .openapi('SensitiveAlert');
export type SensitiveAlertView = z.infer<typeof sensitiveAlertSchema>;

export const sensitiveAlertPageSchema = pageOf(sensitiveAlertSchema).openapi('SensitiveAlertPage');

import { calendarDay, pageOf, paginationQuerySchema, z } from './common.contract';

/** 客户删除员工 (del_follow_user), 员工删除客户 (del_external_contact, not by 在职继承). */
export const LOSS_KINDS = ['deleted_by_customer', 'deleted_by_staff'] as const;

const day = (label: string) => calendarDay(`${label}格式应为YYYY-MM-DD`);

/** 流失客户 list (issue 19 item 3): newest first, by member, kind, 流失时间 (China days) and tag. */
export const customerLossListQuerySchema = paginationQuerySchema.extend({
  userid: z.string().trim().min(1).max(64, '员工账号过长').optional(),
  kind: z.enum(['all', ...LOSS_KINDS], { error: '流失类型不正确' }).default('all'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  tagId: z.string().trim().min(1).max(128, '标签过长').optional(),
});
export type CustomerLossListQuery = z.infer<typeof customerLossListQuerySchema>;

export const customerLossExportQuerySchema = customerLossListQuerySchema.omit({ page: true, pageSize: true });
export type CustomerLossFilter = z.infer<typeof customerLossExportQuerySchema>;

export const customerLossSchema = z
  .object({
    id: z.string(),
    externalUserid: z.string(),
    customerName: z.string(),
    userid: z.string(),
    staffName: z.string(),
    kind: z.enum(LOSS_KINDS),
    lostAt: z.string(),
    tagNames: z.array(z.string()),
    /** The last archived chat between the two; null when the archive has none. */
    lastChatAt: z.string().nullable(),
  })
  .openapi('CustomerLoss');
export type CustomerLossView = z.infer<typeof customerLossSchema>;

export const customerLossPageSchema = pageOf(customerLossSchema).openapi('CustomerLossPage');

/** 流失提醒设置: on/off, whether the member concerned is told, and the managers told of every loss. */
export const lossAlertSettingsSchema = z
  .object({
    enabled: z.boolean(),
    notifyMember: z.boolean(),
    managerUserids: z.array(z.string().min(1).max(64)).max(200, '通知的管理者过多'),
  })
  .openapi('LossAlertSettings');
export type LossAlertSettings = z.infer<typeof lossAlertSettingsSchema>;

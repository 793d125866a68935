import { calendarDay, pageOf, paginationQuerySchema, z } from './common.contract';

/**
 * 离职继承 / 在职继承 (issue 19): resigned members' customers waiting for a successor, and a 继承 (handover) that
 * hands chosen customers and groups to a successor and follows each customer until WeCom's final answer.
 */

export const HANDOVER_KINDS = ['resigned', 'onjob'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/**
 * Where one customer stands: 等待接替 (WeCom's 24 h), 接替完毕, 客户拒绝, 接替成员客户数已达上限, or 未能发起
 * (WeCom refused to start it: `errcode` says why, e.g. 40128 too often, 40129 already moving).
 */
export const HANDOVER_CUSTOMER_STATUSES = ['waiting', 'done', 'refused', 'limit', 'rejected'] as const;
export type HandoverCustomerStatus = (typeof HANDOVER_CUSTOMER_STATUSES)[number];

/** Final statuses: nothing changes after them. */
export const FINAL_CUSTOMER_STATUSES: ReadonlySet<HandoverCustomerStatus> = new Set([
  'done',
  'refused',
  'limit',
  'rejected',
]);

/** A handover takes at most this many customers (10 WeCom calls of 100); larger moves are split by the admin. */
export const HANDOVER_CUSTOMERS_MAX = 1000;
export const HANDOVER_GROUPS_MAX = 100;
export const SUCCESS_MSG_MAX = 200;

const userid = (what: string) => z.string().trim().min(1, `请选择${what}`).max(64, `${what}账号过长`);

export const resignedCustomerQuerySchema = paginationQuerySchema.extend({
  handoverUserid: z.string().trim().min(1).optional(),
  dimissionFrom: calendarDay('离职开始日期格式应为 YYYY-MM-DD').optional(),
  dimissionTo: calendarDay('离职结束日期格式应为 YYYY-MM-DD').optional(),
});
export type ResignedCustomerQuery = z.infer<typeof resignedCustomerQuerySchema>;

export const resignedCustomerRowSchema = z
  .object({
    handoverUserid: z.string(),
    handoverName: z.string(),
    externalUserid: z.string(),
    customerName: z.string(),
    /** When the member left, ISO. */
    dimissionAt: z.string(),
  })
  .openapi('ResignedCustomerRow');
export const resignedCustomerPageSchema = pageOf(resignedCustomerRowSchema).openapi('ResignedCustomerPage');

export const resignedGroupQuerySchema = paginationQuerySchema.extend({
  handoverUserid: z.string().trim().min(1).optional(),
});
export type ResignedGroupQuery = z.infer<typeof resignedGroupQuerySchema>;

/** A group whose owner resigned (groupchat/list's owner-resigned filter), waiting for a successor. */
export const resignedGroupRowSchema = z
  .object({
    /** The resigned owner. */
    handoverUserid: z.string(),
    handoverName: z.string(),
    chatId: z.string(),
    groupName: z.string(),
    memberCount: z.number().int(),
  })
  .openapi('ResignedGroupRow');
export const resignedGroupPageSchema = pageOf(resignedGroupRowSchema).openapi('ResignedGroupPage');

export const handoverInputSchema = z
  .object({
    kind: z.enum(HANDOVER_KINDS, { error: '继承类型应为 resigned 或 onjob' }),
    handoverUserid: userid('原跟进成员'),
    takeoverUserid: userid('接替成员'),
    externalUserids: z
      .array(z.string().trim().min(1))
      .max(HANDOVER_CUSTOMERS_MAX, `一次最多分配${HANDOVER_CUSTOMERS_MAX}个客户`)
      .default([]),
    chatIds: z
      .array(z.string().trim().min(1))
      .max(HANDOVER_GROUPS_MAX, `一次最多分配${HANDOVER_GROUPS_MAX}个客户群`)
      .default([]),
    /** 在职继承 only: what WeCom tells the customers. */
    successMsg: z.string().max(SUCCESS_MSG_MAX, `转接提示语最多${SUCCESS_MSG_MAX}字`).optional(),
  })
  .refine((input) => input.externalUserids.length + input.chatIds.length > 0, {
    message: '请选择要分配的客户或客户群',
  })
  .refine((input) => input.handoverUserid !== input.takeoverUserid, {
    message: '接替成员不能是原跟进成员',
    path: ['takeoverUserid'],
  })
  .refine((input) => input.kind === 'onjob' || input.successMsg === undefined, {
    message: '离职继承不发送转接提示语',
    path: ['successMsg'],
  });
export type HandoverInput = z.infer<typeof handoverInputSchema>;

/**
 * Why WeCom would not transfer a customer on the job (lib/handovers/onjob-eligibility.ts): the member no longer
 * follows it, the successor already does, a transfer of it still waits for its 24 h, or it was transferred
 * twice in 90 days.
 */
export const ONJOB_INELIGIBLE_REASONS = [
  'not_follower',
  'takeover_follows',
  'in_progress',
  'too_frequent',
] as const;
export type OnjobIneligibleReason = (typeof ONJOB_INELIGIBLE_REASONS)[number];

/**
 * Why a group cannot be handed over on the job (api/modules/handovers/onjob-preview.ts): the member is not its
 * 群主 (as the 客户群 list has it; unknown groups too), or it was dismissed.
 */
export const ONJOB_GROUP_INELIGIBLE_REASONS = ['not_owner', 'dismissed'] as const;
export type OnjobGroupIneligibleReason = (typeof ONJOB_GROUP_INELIGIBLE_REASONS)[number];

/** 在职继承's check before starting: which of the chosen customers and groups WeCom would not transfer, and why. */
export const onjobPreviewInputSchema = z
  .object({
    handoverUserid: userid('原跟进成员'),
    takeoverUserid: userid('接替成员'),
    externalUserids: z
      .array(z.string().trim().min(1))
      .max(HANDOVER_CUSTOMERS_MAX, `一次最多分配${HANDOVER_CUSTOMERS_MAX}个客户`)
      .default([]),
    chatIds: z
      .array(z.string().trim().min(1))
      .max(HANDOVER_GROUPS_MAX, `一次最多分配${HANDOVER_GROUPS_MAX}个客户群`)
      .default([]),
  })
  .refine((input) => input.externalUserids.length + input.chatIds.length > 0, {
    message: '请选择要分配的客户或客户群',
  })
  .refine((input) => input.handoverUserid !== input.takeoverUserid, {
    message: '接替成员不能是原跟进成员',
    path: ['takeoverUserid'],
  })
  .openapi('OnjobPreviewInput');
export type OnjobPreviewInput = z.infer<typeof onjobPreviewInputSchema>;

export const onjobPreviewSchema = z
  .object({
    /** The customers 确定 may send, in the order given. */
    eligible: z.array(z.string()),
    ineligible: z.array(
      z.object({
        externalUserid: z.string(),
        customerName: z.string(),
        reason: z.enum(ONJOB_INELIGIBLE_REASONS),
        /** The reason in Chinese, e.g. 90天内已转接2次. */
        reasonText: z.string(),
      }),
    ),
    /** The groups 确定 may send, in the order given. */
    eligibleGroups: z.array(z.string()),
    ineligibleGroups: z.array(
      z.object({
        chatId: z.string(),
        groupName: z.string(),
        reason: z.enum(ONJOB_GROUP_INELIGIBLE_REASONS),
        /** The reason in Chinese, e.g. 不是原跟进成员的客户群. */
        reasonText: z.string(),
      }),
    ),
  })
  .openapi('OnjobPreview');
export type OnjobPreview = z.infer<typeof onjobPreviewSchema>;

/** 离职继承's 原跟进成员 filter: the resigned members who have customers waiting for a successor. */
export const resignedMemberQuerySchema = paginationQuerySchema.extend({
  /** Part of the member's name or userid. */
  keyword: z.string().trim().max(64, '关键词过长').optional(),
});
export type ResignedMemberQuery = z.infer<typeof resignedMemberQuerySchema>;

export const resignedMemberRowSchema = z
  .object({
    userid: z.string(),
    name: z.string(),
    /** When the member left, ISO. */
    dimissionAt: z.string(),
    /** Their customers waiting for a successor. */
    customers: z.number().int(),
  })
  .openapi('ResignedMemberRow');
export const resignedMemberPageSchema = pageOf(resignedMemberRowSchema).openapi('ResignedMemberPage');

export const handoverParamsSchema = z.object({
  handoverId: z.string().regex(/^[0-9a-f]{24}$/, '继承记录不存在'),
});

export const handoverCustomerSchema = z.object({
  externalUserid: z.string(),
  /** As the customer list stores it; '' for a customer it has not stored. */
  customerName: z.string(),
  /** As stored, or 待发起 (pending) until the transfer call for the customer has been answered. */
  status: z.enum(['pending', ...HANDOVER_CUSTOMER_STATUSES]),
  /** WeCom's errcode when it refused to start (rejected). */
  errcode: z.number().int().nullable(),
  /** ISO: when the takeover happened, or will. */
  takeoverAt: z.string().nullable(),
});

export const handoverGroupSchema = z.object({
  chatId: z.string(),
  /** As the 客户群 list stores it; '' for an unnamed or unknown group. */
  groupName: z.string(),
  status: z.enum(['pending', 'done', 'rejected']),
  errcode: z.number().int().nullable(),
});

export const handoverDetailSchema = z
  .object({
    id: z.string(),
    kind: z.enum(HANDOVER_KINDS),
    handoverUserid: z.string(),
    handoverName: z.string(),
    takeoverUserid: z.string(),
    takeoverName: z.string(),
    successMsg: z.string().nullable(),
    /** 进行中 until every customer has a final status. */
    finished: z.boolean(),
    customers: z.array(handoverCustomerSchema),
    groups: z.array(handoverGroupSchema),
    createdAt: z.string(),
  })
  .openapi('Handover');
export type HandoverDetail = z.infer<typeof handoverDetailSchema>;

export const handoverRefreshSchema = z.object({ refreshing: z.boolean() }).openapi('HandoverRefresh');

/** 分配记录: one kind's handovers, newest first. */
export const handoverListQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(HANDOVER_KINDS, { error: '继承类型应为 resigned 或 onjob' }),
});
export type HandoverListQuery = z.infer<typeof handoverListQuerySchema>;

export const handoverRecordSchema = z
  .object({
    id: z.string(),
    kind: z.enum(HANDOVER_KINDS),
    handoverUserid: z.string(),
    handoverName: z.string(),
    takeoverUserid: z.string(),
    takeoverName: z.string(),
    customerCount: z.number().int(),
    groupCount: z.number().int(),
    /** Customers and groups taken over so far. */
    doneCount: z.number().int(),
    /** Customers and groups WeCom refused or that could not be taken over. */
    failedCount: z.number().int(),
    finished: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('HandoverRecord');
export const handoverRecordPageSchema = pageOf(handoverRecordSchema).openapi('HandoverRecordPage');

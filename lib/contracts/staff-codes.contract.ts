import { pageOf, paginationQuerySchema, z } from './common.contract';

/** 员工活码: limits from the manual; every character counts as one (I-01). */
export const STAFF_CODE_SCENE_MAX = 30;
export const STAFF_CODE_WELCOME_MAX = 100;
/** R-2.2.2-06 / I-30: members of a 多人 code, or staff of one 批量单人 batch, after departments are expanded. */
export const STAFF_CODE_MEMBERS_MAX = 100;
export const MULTI_MEMBERS_OVER_LIMIT = '每个多人活码最多支持设置100位员工';
export const BATCH_MEMBERS_OVER_LIMIT = '批量单人最多支持选择100位员工';

const characters = (text: string) => [...text].length;

const sceneSchema = z
  .string({ error: '请输入活动场景' })
  .trim()
  .min(1, '请输入活动场景')
  .refine((text) => characters(text) <= STAFF_CODE_SCENE_MAX, `活动场景最多${STAFF_CODE_SCENE_MAX}个字`);

const welcomeTextSchema = z
  .string()
  .trim()
  .refine((text) => characters(text) <= STAFF_CODE_WELCOME_MAX, `欢迎语不超过${STAFF_CODE_WELCOME_MAX}字`)
  .default('');

/** What 编辑 can change: everything but the kind (R-2.2.1-11). */
const staffCodeFields = {
  /** Chosen staff; departments (R-0-11) are expanded to their members when saved. */
  userids: z.array(z.string().min(1).max(64)).max(1000).default([]),
  departmentIds: z.array(z.number().int().nonnegative()).max(100).default([]),
  /** 客户添加时无需经过确认自动成为好友 (R-2.2.2-07), checked by default. */
  skipVerify: z.boolean().default(true),
  scene: sceneSchema,
  tagIds: z.array(z.string().min(1)).max(100).default([]),
  welcomeText: welcomeTextSchema,
};

export const staffCodeKindSchema = z.enum(['single', 'multi']);
export type StaffCodeKind = z.infer<typeof staffCodeKindSchema>;

export const createStaffCodeSchema = z
  .object({
    /** 批量单人 makes one 单人 code per staff member (R-2.2.2-02). */
    kind: z.enum(['batch', 'single', 'multi'], { error: '请选择活码类型' }),
    ...staffCodeFields,
  })
  .openapi('CreateStaffCode');
export type CreateStaffCodeRequest = z.infer<typeof createStaffCodeSchema>;

export const updateStaffCodeSchema = z.object(staffCodeFields).openapi('UpdateStaffCode');
export type UpdateStaffCodeRequest = z.infer<typeof updateStaffCodeSchema>;

export const staffCodeParamsSchema = z.object({
  codeId: z.string().regex(/^[0-9a-f]{24}$/, '员工活码不存在'),
});

export const staffCodeListQuerySchema = paginationQuerySchema.extend({
  /** 使用员工 */
  userid: z.string().min(1).max(64).optional(),
  kind: z.enum(['all', 'single', 'multi']).default('all'),
  status: z.enum(['all', 'normal', 'abnormal']).default('all'),
  /** 搜索活动场景 (substring). */
  keyword: z.string().trim().max(STAFF_CODE_SCENE_MAX).optional(),
});
export type StaffCodeListQuery = z.infer<typeof staffCodeListQuerySchema>;

/** Where the code stands with WeCom: pending until 联系我 is created/updated, failed with WeCom's errcode. */
export const wecomSyncSchema = z.object({
  status: z.enum(['pending', 'synced', 'failed']),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
});

export const staffCodeSchema = z
  .object({
    id: z.string(),
    kind: staffCodeKindSchema,
    members: z.array(z.object({ userid: z.string(), name: z.string(), left: z.boolean() })),
    departments: z.array(z.object({ id: z.number().int(), name: z.string() })),
    /** The chosen staff and departments as picked (for 编辑). */
    userids: z.array(z.string()),
    departmentIds: z.array(z.number().int()),
    skipVerify: z.boolean(),
    scene: z.string(),
    tags: z.array(z.object({ id: z.string(), name: z.string() })),
    welcomeText: z.string(),
    /** 正常 / 异常 (R-2.2.1-06): 异常 when no member can be reached any more. */
    status: z.enum(['normal', 'abnormal']),
    /** WeCom's QR image URL once 联系我 exists (R-2.2.1-09 复制链接). */
    qrCode: z.string().nullable(),
    sync: wecomSyncSchema,
    creatorName: z.string(),
    createdAt: z.string(),
  })
  .openapi('StaffCode');
export type StaffCodeView = z.infer<typeof staffCodeSchema>;

export const staffCodePageSchema = pageOf(staffCodeSchema).openapi('StaffCodePage');
export const createdStaffCodesSchema = z.object({ items: z.array(staffCodeSchema) });

export const staffCodeTrendQuerySchema = z
  .object({
    from: z.iso.date({ error: '开始日期格式有误' }),
    to: z.iso.date({ error: '结束日期格式有误' }),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期' });

/** 扫码趋势 (R-2.2.3-03, I-33): per day, the customers added through the code and the running total. */
export const staffCodeTrendSchema = z.object({
  days: z.array(z.object({ date: z.string(), added: z.number().int(), total: z.number().int() })),
});

/** The adds through a code with their welcome (员工活码详情; tests read the welcome outcome here). */
export const staffCodeAddSchema = z.object({
  externalUserid: z.string(),
  customerName: z.string(),
  userid: z.string(),
  addedAt: z.string(),
  welcome: z.object({
    status: z.enum(['pending', 'sent', 'failed', 'skipped']),
    errcode: z.number().int().optional(),
    errmsg: z.string().optional(),
  }),
});
export const staffCodeAddPageSchema = pageOf(staffCodeAddSchema);

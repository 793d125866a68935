import { undeliveredRecipientSchema } from './app-message.contract';
import { pageOf, paginationQuerySchema, z, calendarDay, objectIdString } from './common.contract';

/** R-2.1.2-03/04/09, R-2.1.3-02: names, scenes, guide texts and group names hold at most 30 characters (I-01). */
export const GROUP_CODE_TEXT_MAX = 30;
/** R-2.1.2-02, R-2.1.3-01: icons and group QR images are jpg/png of at most 2 MB. */
export const GROUP_CODE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const GROUP_CODE_IMAGE_HINT = '只能上传jpg/png格式图片，且不超过2M';
/** I-22: a WeCom group QR code lasts 7 days, so 有效期 is today through today + 7. */
export const GROUP_QR_VALID_DAYS = 7;
/** I-25: what the landing page says when no group is usable. */
export const NO_GROUP_AVAILABLE = '群已满或二维码已过期，请联系工作人员';

export const GROUP_CODE_STRATEGIES = ['overflow', 'round-robin', 'nearest'] as const;
export type GroupCodeStrategy = (typeof GROUP_CODE_STRATEGIES)[number];

/** 活码状态 (R-2.1.1-06): 异常 exactly when no 实际群码 is usable. */
export const GROUP_CODE_STATUSES = ['normal', 'abnormal'] as const;
export type GroupCodeStatus = (typeof GROUP_CODE_STATUSES)[number];
/** 实际群码状态 (I-24): 未使用 / 使用中 / 已满 / 已过期. */
export const GROUP_STATES = ['waiting', 'serving', 'full', 'expired'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

/** The list's columns (R-2.1.1-02), in the manual's order; 操作 is always shown. */
export const GROUP_CODE_COLUMNS = [
  { key: 'qr', label: '群活码' },
  { key: 'name', label: '群活码名称' },
  { key: 'scene', label: '活动场景' },
  { key: 'groupCount', label: '实际群码数' },
  { key: 'scanCount', label: '扫码次数' },
  { key: 'status', label: '活码状态' },
  { key: 'creator', label: '创建人' },
  { key: 'createdAt', label: '创建时间' },
] as const;
const COLUMN_KEYS = GROUP_CODE_COLUMNS.map((column) => column.key) as [
  (typeof GROUP_CODE_COLUMNS)[number]['key'],
  ...Array<(typeof GROUP_CODE_COLUMNS)[number]['key']>,
];
export type GroupCodeColumnKey = (typeof COLUMN_KEYS)[number];
export const DEFAULT_GROUP_CODE_COLUMNS: GroupCodeColumnKey[] = [...COLUMN_KEYS];

const limitedText = (required: string, label: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(GROUP_CODE_TEXT_MAX, `${label}不能超过${GROUP_CODE_TEXT_MAX}个字`);

export const groupCodeParamsSchema = z.object({ codeId: objectIdString('群活码不存在') });
export const groupParamsSchema = groupCodeParamsSchema.extend({ groupId: objectIdString('实际群码不存在') });
export const groupCodeImageParamsSchema = z.object({ fileId: objectIdString('图片不存在') });
/** The public landing page's address names its tenant; a code of another tenant is simply not found. */
export const publicGroupCodeParamsSchema = groupCodeParamsSchema.extend({
  tenantId: z.string().min(1).max(64),
});
export const publicGroupParamsSchema = publicGroupCodeParamsSchema.extend({
  groupId: objectIdString('实际群码不存在'),
});

/** I-19: a store a group is bound to under 位置就近分配策略. */
export const groupStoreSchema = z
  .object({
    name: limitedText('请输入门店名称', '门店名称'),
    address: z.string().trim().max(100, '门店地址不能超过100个字').default(''),
    latitude: z.number({ error: '请填写门店纬度' }).min(-90, '纬度有误').max(90, '纬度有误'),
    longitude: z.number({ error: '请填写门店经度' }).min(-180, '经度有误').max(180, '经度有误'),
  })
  .openapi('GroupStore');

/** 添加实际群码 (R-2.1.3-01..04). */
export const groupInputSchema = z
  .object({
    qrFileId: objectIdString('请上传实际群码'),
    name: limitedText('请输入群名称', '群名称'),
    /** 有效期, a China day; the code expires at its 24:00 (R-2.1.3-03). */
    expiresOn: calendarDay('请选择有效期'),
    scanLimit: z
      .number({ error: '请输入扫码限制次数' })
      .int('扫码限制次数须为正整数')
      .min(1, '扫码限制次数须为正整数')
      .max(100_000, '扫码限制次数不能超过100000'),
    store: groupStoreSchema.nullish(),
  })
  .openapi('GroupCodeGroupInput');
export type GroupInput = z.infer<typeof groupInputSchema>;

const codeFields = {
  name: limitedText('请输入群活码名称', '群活码名称'),
  scene: limitedText('请输入活动场景', '活动场景'),
  strategy: z.enum(GROUP_CODE_STRATEGIES, { error: '请选择分配策略' }),
  guide: z.string().trim().max(GROUP_CODE_TEXT_MAX, `引导语不能超过${GROUP_CODE_TEXT_MAX}个字`).default(''),
  /** 活码图片 (optional, I-18): an uploaded image id, shown in the QR's centre. */
  iconFileId: objectIdString('活码图片不存在').nullish(),
};

/** Step 1 as it is edited later (编辑): the code's own fields. */
export const updateGroupCodeSchema = z.object(codeFields).openapi('UpdateGroupCode');
export type UpdateGroupCode = z.infer<typeof updateGroupCodeSchema>;

/** Steps 1 and 2 together: "下一步" on step 2 creates the code with its groups (R-2.1.3-05). */
export const createGroupCodeSchema = z
  .object({
    ...codeFields,
    groups: z
      .array(groupInputSchema, { error: '请至少添加一个实际群码' })
      .min(1, '请至少添加一个实际群码')
      .max(100, '最多添加100个实际群码'),
  })
  .superRefine((value, ctx) => {
    if (value.strategy !== 'nearest') return;
    value.groups.forEach((group, index) => {
      if (!group.store) {
        ctx.addIssue({
          code: 'custom',
          message: '位置就近分配策略的实际群码须绑定门店',
          path: ['groups', index, 'store'],
        });
      }
    });
  })
  .openapi('CreateGroupCode');
export type CreateGroupCode = z.infer<typeof createGroupCodeSchema>;

export const groupCodeListQuerySchema = paginationQuerySchema.extend({
  /** Fuzzy on 群活码名称 or 活动场景 (R-2.1.1-01). */
  keyword: z.string().trim().max(64).optional(),
  status: z.enum(GROUP_CODE_STATUSES).optional(),
  createdFrom: calendarDay('创建时间格式有误').optional(),
  createdTo: calendarDay('创建时间格式有误').optional(),
});
export type GroupCodeListQuery = z.infer<typeof groupCodeListQuerySchema>;

export const groupViewSchema = z
  .object({
    id: z.string(),
    qrFileId: z.string(),
    name: z.string(),
    /** "YYYY-MM-DD 23:59:59" of 有效期 (R-2.1.3-03). */
    expiresAt: z.string(),
    expiresOn: z.string(),
    scanCount: z.number().int(),
    scanLimit: z.number().int(),
    state: z.enum(GROUP_STATES),
    store: groupStoreSchema.nullable(),
  })
  .openapi('GroupCodeGroup');
export type GroupView = z.infer<typeof groupViewSchema>;

export const groupCodeRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scene: z.string(),
    strategy: z.enum(GROUP_CODE_STRATEGIES),
    guide: z.string(),
    iconFileId: z.string().nullable(),
    groupCount: z.number().int(),
    scanCount: z.number().int(),
    status: z.enum(GROUP_CODE_STATUSES),
    /** The staff member's name; "管理员" for the super admin (R-2.1.1-07). */
    creatorName: z.string(),
    createdAt: z.string(),
    /** The address a scan opens (R-2.1.1-10). */
    link: z.string(),
    /** The creator, when the latest alert about the code did not reach them (未送达). */
    alertUndelivered: z.array(undeliveredRecipientSchema),
  })
  .openapi('GroupCodeRow');
export type GroupCodeRow = z.infer<typeof groupCodeRowSchema>;

export const groupCodePageSchema = pageOf(groupCodeRowSchema).openapi('GroupCodePage');

export const groupCodeDetailSchema = groupCodeRowSchema
  .extend({ groups: z.array(groupViewSchema) })
  .openapi('GroupCodeDetail');
export type GroupCodeDetail = z.infer<typeof groupCodeDetailSchema>;

export const groupCodeColumnsSchema = z
  .object({
    columns: z
      .array(z.enum(COLUMN_KEYS, { error: '列不存在' }))
      .min(1, '请至少选择一列')
      .refine((keys) => new Set(keys).size === keys.length, '列不能重复'),
  })
  .openapi('GroupCodeColumns');
export const groupCodeColumnsViewSchema = groupCodeColumnsSchema
  .extend({ available: z.array(z.object({ key: z.string(), label: z.string() })) })
  .openapi('GroupCodeColumnsView');

export const groupCodeImageSchema = z
  .object({ fileId: z.string(), contentType: z.string(), size: z.number().int() })
  .openapi('GroupCodeImage');
/** Documents the multipart field only: the api streams the body with busboy. */
export const uploadGroupCodeImageBodySchema = z
  .object({ file: z.string().optional().openapi({ format: 'binary' }) })
  .openapi('GroupCodeImageUpload');

export const groupCodeQrQuerySchema = z.object({ download: z.enum(['0', '1']).optional() });

/** What the landing page shows before a scan is counted: enough to know whether to ask for a location. */
export const landingSchema = z
  .object({ name: z.string(), guide: z.string(), strategy: z.enum(GROUP_CODE_STRATEGIES) })
  .openapi('GroupCodeLanding');

/** A scan from the landing page; 就近 sends the visitor's position when the browser gave one. */
export const scanRequestSchema = z
  .object({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .openapi('GroupCodeScanRequest');
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const scanResultSchema = z
  .object({
    name: z.string(),
    guide: z.string(),
    /** The group this scan was given, or null when none is usable (I-25). */
    group: z.object({ id: z.string(), name: z.string(), qrUrl: z.string() }).nullable(),
    message: z.string().nullable(),
  })
  .openapi('GroupCodeScanResult');
export type ScanResult = z.infer<typeof scanResultSchema>;

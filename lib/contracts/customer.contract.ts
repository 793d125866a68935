import { paginationQuerySchema, z } from './common.contract';
import { listColumnsSchema, listColumnsViewSchema, type ColumnCatalogue } from './list-columns.contract';

/** 客户来源 (R-3.1.1-15): the operator's drop-down, empty by default. */
export const CUSTOMER_SOURCES = ['公众号', '线下门店', '官网', 'APP', '转介绍', '地推活动'] as const;

/** The list's columns (R-3.1.1-06), in the manual's order; the checkbox and 操作 are always shown. */
export const CUSTOMER_COLUMNS = [
  { key: 'name', label: '客户姓名' },
  { key: 'corpName', label: '企业' },
  { key: 'position', label: '职务' },
  { key: 'phone', label: '电话' },
  { key: 'owner', label: '跟进人' },
  { key: 'adders', label: '添加人' },
  { key: 'addedAt', label: '添加时间' },
  { key: 'lastContactAt', label: '近期沟通时间' },
  { key: 'source', label: '客户来源' },
  { key: 'tags', label: '客户标签' },
  { key: 'remark', label: '备注' },
] as const;
export type CustomerColumnKey = (typeof CUSTOMER_COLUMNS)[number]['key'];
/** I-39: 客户来源, 客户标签 and 备注 are hidden until the user chooses them. */
export const DEFAULT_CUSTOMER_COLUMNS: CustomerColumnKey[] = [
  'name',
  'corpName',
  'position',
  'phone',
  'owner',
  'adders',
  'addedAt',
  'lastContactAt',
];

/** A list of ids in the query string: `a,b` or repeated `?x=a&x=b`. */
const idList = (max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((id) => id.trim()))
    .pipe(z.array(z.string().min(1).max(64)).max(max, message));

const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** The list's search (R-3.1.1-01) and 高级搜索 (R-3.1.1-02, I-37), also the "all matching" of bulk tagging. */
export const customerFilterSchema = z.object({
  /** 客户姓名/手机号, fuzzy. */
  keyword: z.string().trim().max(64, '搜索内容最多64个字符').optional(),
  /** 企业, fuzzy on the synced or edited company name. */
  corpName: z.string().trim().max(64, '企业最多64个字符').optional(),
  adderUserids: idList(50, '添加人最多选择50位').optional(),
  ownerUserids: idList(50, '跟进人最多选择50位').optional(),
  addedFrom: day.optional(),
  addedTo: day.optional(),
  lastContactFrom: day.optional(),
  lastContactTo: day.optional(),
  source: z.enum(CUSTOMER_SOURCES, { error: '客户来源不存在' }).optional(),
  tagIds: idList(50, '客户标签最多选择50个').optional(),
  /** 任意 (any of the tags, I-37's default) or 全部 (every tag). */
  tagMatch: z.enum(['any', 'all']).default('any'),
  /** 1 微信, 2 企业微信. */
  type: z.coerce
    .number()
    .refine((value) => value === 1 || value === 2, '客户类型不存在')
    .optional(),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;

export const customerListQuerySchema = paginationQuerySchema.extend(customerFilterSchema.shape);
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

const staffRefSchema = z.object({ userid: z.string(), name: z.string() });
const tagRefSchema = z.object({ id: z.string(), name: z.string() });

export const customerRowSchema = z
  .object({
    externalUserid: z.string(),
    name: z.string(),
    avatar: z.string(),
    type: z.number().int(),
    /** "@微信", "@<企业简称>" or "@企业微信" (R-3.1.1-07, I-40). */
    suffix: z.string(),
    corpName: z.string(),
    position: z.string(),
    phone: z.string(),
    owner: staffRefSchema.nullable(),
    /** Every 添加人, oldest first; the list shows 3 and then "...". */
    adders: z.array(staffRefSchema),
    addedAt: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    source: z.string(),
    tags: z.array(tagRefSchema),
    /** The 跟进人's remark (R-3.1.1-17, R-3.1.2-07). */
    remark: z.string(),
  })
  .openapi('CustomerRow');
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const customerPageSchema = z
  .object({
    items: z.array(customerRowSchema),
    /** Exact up to `totalCap`; beyond it the list says "10000+" (counting a million rows costs a scan). */
    total: z.number().int(),
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('CustomerPage');

export const CUSTOMER_COLUMN_CATALOGUE: ColumnCatalogue<CustomerColumnKey> = {
  columns: CUSTOMER_COLUMNS,
  defaults: DEFAULT_CUSTOMER_COLUMNS,
};
export const customerColumnsSchema = listColumnsSchema(CUSTOMER_COLUMN_CATALOGUE).openapi('CustomerColumns');
export const customerColumnsViewSchema =
  listColumnsViewSchema(CUSTOMER_COLUMN_CATALOGUE).openapi('CustomerColumnsView');

export const customerParamsSchema = z.object({ externalUserid: z.string().min(1).max(128) });

/** The tags to put on and take off, shared by every way of tagging customers. */
const tagChangeFields = {
  addTagIds: z.array(z.string().min(1).max(64)).max(50, '每次最多选择50个标签').default([]),
  removeTagIds: z.array(z.string().min(1).max(64)).max(50, '每次最多选择50个标签').default([]),
};
const someTagChosen = (body: { addTagIds: string[]; removeTagIds: string[] }) =>
  body.addTagIds.length + body.removeTagIds.length > 0;

/** 批量打标签 (R-3.1.1-03) and the detail's tag chips (R-3.1.2-05): chosen customers, or all matching a filter. */
export const customerTaggingRequestSchema = z
  .object({
    externalUserids: z.array(z.string().min(1).max(128)).max(100, '每次最多勾选100位客户').optional(),
    /** "全选": every customer the filter matches, up to TAGGING_FILTER_CAP. */
    filter: customerFilterSchema.optional(),
    ...tagChangeFields,
  })
  .refine((body) => Boolean(body.externalUserids?.length) !== Boolean(body.filter), {
    message: '请选择客户',
  })
  .refine(someTagChosen, { message: '请选择标签' })
  .openapi('CustomerTaggingRequest');
export type CustomerTaggingRequest = z.infer<typeof customerTaggingRequestSchema>;

/** One customer's tags changed where the customer is already known (the H5 side panel, R-3.1.4-03). */
export const customerTagChangeSchema = z
  .object(tagChangeFields)
  .refine(someTagChosen, { message: '请选择标签' })
  .openapi('CustomerTagChange');
export type CustomerTagChange = z.infer<typeof customerTagChangeSchema>;

/** Above this many customers "all matching" is refused: narrow the filter (each needs WeCom calls). */
export const TAGGING_FILTER_CAP = 5000;

export const taggingJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed']),
    customers: z.number().int(),
    /** member × customer relations to write to WeCom (tags are per relation). */
    relations: z.number().int(),
    written: z.number().int(),
    failures: z.array(
      z.object({
        externalUserid: z.string(),
        userid: z.string(),
        errcode: z.number().int(),
        errmsg: z.string(),
      }),
    ),
  })
  .openapi('CustomerTaggingJob');
export type TaggingJobView = z.infer<typeof taggingJobSchema>;

export const taggingJobParamsSchema = z.object({ jobId: z.string().regex(/^[0-9a-f]{24}$/, '任务不存在') });

/** I-44: digits, "+", "-" and spaces, 0–20 characters. */
const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{0,20}$/, '电话只能包含数字、+、-和空格，最多20个字符');

/** 客户详情 编辑 (R-3.1.2-02..04): which of these a customer accepts depends on its kind. */
export const customerEditSchema = z
  .strictObject(
    {
      corpName: z.string().trim().max(50, '企业名称最多50个字符').optional(),
      position: z.string().trim().max(50, '职务最多50个字符').optional(),
      phone: phoneSchema.optional(),
      /** '' clears it. */
      source: z.union([z.enum(CUSTOMER_SOURCES), z.literal('')], { error: '客户来源不存在' }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? '该字段不可编辑' : undefined) },
  )
  .openapi('CustomerEdit');
export type CustomerEdit = z.infer<typeof customerEditSchema>;
export type EditableField = keyof CustomerEdit;
export const editableFieldSchema = z.enum(['corpName', 'position', 'phone', 'source']);

/** 企业信息 → 基本信息 (R-3.1.2-10); '' clears a field. */
export const customerEnterpriseEditSchema = z
  .strictObject(
    {
      shortName: z.string().trim().max(50, '企业简称最多50个字符').optional(),
      fullName: z.string().trim().max(100, '企业全称最多100个字符').optional(),
      phone: phoneSchema.optional(),
      website: z
        .string()
        .trim()
        .max(200, '企业网址最多200个字符')
        .regex(/^$|^(https?:\/\/)?[^\s/]+\.[^\s]+$/, '请输入正确的企业网址')
        .optional(),
      address: z.string().trim().max(200, '地址最多200个字符').optional(),
      industry: z.string().trim().max(50, '行业类型最多50个字符').optional(),
      scale: z.string().trim().max(50, '人员规模最多50个字符').optional(),
      region: z.string().trim().max(50, '省市最多50个字符').optional(),
      level: z.string().trim().max(20, '企业等级最多20个字符').optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? '该字段不可编辑' : undefined) },
  )
  .openapi('CustomerEnterpriseEdit');
export type CustomerEnterpriseEdit = z.infer<typeof customerEnterpriseEditSchema>;
export type EnterpriseField = keyof CustomerEnterpriseEdit;
export const enterpriseFieldSchema = z.enum([
  'shortName',
  'fullName',
  'phone',
  'website',
  'address',
  'industry',
  'scale',
  'region',
  'level',
]);

export const customerDetailSchema = z
  .object({
    customer: customerRowSchema.extend({
      gender: z.number().int(),
      corpFullName: z.string(),
      active: z.boolean(),
      /** A WeChat customer's unionid, when WeCom gave it (the corp bound a WeChat developer account). */
      unionid: z.string().optional(),
    }),
    /** Fields 编辑 may change for this kind of customer. */
    editable: z.array(editableFieldSchema),
    relations: z.array(
      z.object({
        userid: z.string(),
        name: z.string(),
        remark: z.string(),
        description: z.string(),
        addedAt: z.string(),
        addWay: z.number().int(),
        tags: z.array(tagRefSchema),
        active: z.boolean(),
      }),
    ),
    /** 系统信息 (R-3.1.2-09): one row per add, with 外部联系人来源. */
    addEvents: z.array(
      z.object({
        userid: z.string(),
        name: z.string(),
        at: z.string(),
        source: z.string(),
        remark: z.string(),
        /** 添加渠道: the 员工活码 the customer came through (员工活码：活动场景). */
        channel: z.string().optional(),
        /** The welcome of this add (欢迎语已发送 / 欢迎语发送失败（41050）…). */
        welcome: z.string().optional(),
      }),
    ),
    /** 企业信息 (R-3.1.2-10..13); null for a WeChat customer without a company (I-48's key). */
    enterprise: z
      .object({
        shortName: z.string(),
        fullName: z.string(),
        phone: z.string(),
        website: z.string(),
        address: z.string(),
        industry: z.string(),
        scale: z.string(),
        region: z.string(),
        level: z.string(),
        /** What 编辑 may change: a WeCom customer's names are WeCom's. */
        editable: z.array(enterpriseFieldSchema),
        /** 系统信息 (R-3.1.2-12): 管理员 for a company that came with the sync. */
        createdAt: z.string().nullable(),
        creator: z.string(),
        relatedCustomers: z.array(
          z.object({
            externalUserid: z.string(),
            name: z.string(),
            suffix: z.string(),
            owner: staffRefSchema.nullable(),
            tags: z.array(tagRefSchema),
          }),
        ),
      })
      .nullable(),
  })
  .openapi('CustomerDetail');
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

/** What the list's pickers offer: the corp tags to filter and tag by, the staff in the caller's scope. */
/** The corp tag groups in WeCom's order, as the 客户标签 pickers offer them. */
export const corpTagOptionsSchema = z
  .object({
    tagGroups: z.array(z.object({ groupId: z.string(), name: z.string(), tags: z.array(tagRefSchema) })),
  })
  .openapi('CorpTagOptions');

export const customerOptionsSchema = corpTagOptionsSchema
  .extend({ staff: z.array(staffRefSchema) })
  .openapi('CustomerOptions');

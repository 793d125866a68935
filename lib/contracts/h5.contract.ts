import { z } from './common.contract';
import { taggingJobSchema } from './customer.contract';

/** The sidebar link configured in WeCom: `/h5/customer?corpId=…`; the H5 keeps `next` inside /h5/. */
export const h5AuthStartQuerySchema = z.object({
  corpId: z.string().min(1, '缺少企业ID').max(64),
  next: z
    .string()
    .regex(/^\/h5\/[^\s]*$/, '跳转地址有误')
    .default('/h5/customer'),
});

export const h5AuthCallbackQuerySchema = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(512).optional(),
});

export const jssdkConfigQuerySchema = z.object({ url: z.url('页面地址有误') });

/** What `ww.register` needs (API.md §16): the app identity and a signature of this page's URL. */
export const jssdkConfigSchema = z
  .object({
    corpId: z.string(),
    agentId: z.number().int(),
    timestamp: z.number().int(),
    nonceStr: z.string(),
    signature: z.string(),
    jsApiList: z.array(z.string()),
    /** The JS-SDK script to load (WeCom's, or the simulator's stand-in). */
    jssdkUrl: z.string(),
  })
  .openapi('JssdkConfig');

/** R-3.1.1-15: 客户来源 options. */
export const CUSTOMER_SOURCES = ['公众号', '线下门店', '官网', 'APP', '转介绍', '地推活动'] as const;

export const h5CustomerParamsSchema = z.object({ externalUserid: z.string().min(1).max(64) });

/** R-3.1.4-01: the sidebar's 客户资料. */
export const h5CustomerProfileSchema = z
  .object({
    externalUserid: z.string(),
    name: z.string(),
    avatar: z.string(),
    /** 1 微信 (@微信), 2 企业微信 (@企业名称). */
    type: z.union([z.literal(1), z.literal(2)]),
    wecomCorpName: z.string(),
    owner: z.object({ userid: z.string(), name: z.string() }).nullable(),
    firstAddedAt: z.string().nullable(),
    tags: z.array(z.object({ id: z.string(), name: z.string() })),
    staffCount: z.number().int(),
    groupCount: z.number().int(),
    phone: z.string(),
    source: z.string(),
    corpName: z.string(),
    /** R-3.1.2-03/04: what this kind of customer lets staff edit. */
    editableFields: z.array(z.enum(['corpName', 'phone', 'source'])),
  })
  .openapi('H5CustomerProfile');
export type H5CustomerProfile = z.infer<typeof h5CustomerProfileSchema>;

export const h5CustomerEditSchema = z
  .object({
    corpName: z.string().trim().max(64, '企业名称最多64个字').optional(),
    phone: z
      .string()
      .trim()
      .regex(/^$|^[0-9+\-\s]{5,20}$/, '请输入正确的电话')
      .optional(),
    source: z.enum(['', ...CUSTOMER_SOURCES], { error: '请选择客户来源' }).optional(),
  })
  .strict()
  .openapi('H5CustomerEdit');
export type H5CustomerEdit = z.infer<typeof h5CustomerEditSchema>;

/** 打标签 from the side panel (R-3.1.4-03): the profile with its new tags, and the WeCom write-back job. */
export const h5CustomerTaggingSchema = z
  .object({ profile: h5CustomerProfileSchema, job: taggingJobSchema })
  .openapi('H5CustomerTagging');

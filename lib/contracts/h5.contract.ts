import { z } from './common.contract';
import { editableFieldSchema, taggingJobSchema } from './customer.contract';

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
    /** R-3.1.2-03/04: what this kind of customer lets staff edit (the same rules as 客户详情). */
    editableFields: z.array(editableFieldSchema),
  })
  .openapi('H5CustomerProfile');
export type H5CustomerProfile = z.infer<typeof h5CustomerProfileSchema>;

/** 打标签 from the side panel (R-3.1.4-03): the profile with its new tags, and the WeCom write-back job. */
export const h5CustomerTaggingSchema = z
  .object({ profile: h5CustomerProfileSchema, job: taggingJobSchema })
  .openapi('H5CustomerTagging');

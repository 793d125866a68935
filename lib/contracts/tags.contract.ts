import { z } from './common.contract';

/** 标签颜色 (R-7.3.1-03): a 微丰-only attribute, one of a small palette. */
export const TAG_COLORS = ['blue', 'green', 'orange', 'red'] as const;

/** 标签管理: 企业微信标签 and 群标签 share their rules (I-105, I-106): names ≤30, unique in their group. */
export const TAG_NAME_MAX = 30;

const nameOf = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(TAG_NAME_MAX, `${label}不能超过${TAG_NAME_MAX}个字符`);

export const tagNameSchema = nameOf('标签名称');
export const tagGroupNameSchema = nameOf('标签组名称');
export const tagColorSchema = z.enum(TAG_COLORS, { error: '请选择标签颜色' });

const tagView = {
  id: z.string(),
  name: z.string(),
  color: z.enum(TAG_COLORS),
  order: z.number(),
};

// ---- 企业微信标签 ----

export const corpTagSchema = z
  .object({
    ...tagView,
    createdAt: z.string().nullable(),
    /** Not yet created in WeCom: its id is a `pending-…` id until the write-through finishes. */
    pending: z.boolean(),
    /** Why WeCom refused the last write, if it did. */
    writeError: z.string().nullable(),
  })
  .openapi('CorpTag');

export const corpTagGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    order: z.number(),
    createdAt: z.string().nullable(),
    pending: z.boolean(),
    writeError: z.string().nullable(),
    tags: z.array(corpTagSchema),
  })
  .openapi('CorpTagGroup');

export const corpTagGroupListSchema = z
  .object({ items: z.array(corpTagGroupSchema) })
  .openapi('CorpTagGroupList');

const newTagSchema = z.object({ name: tagNameSchema, color: tagColorSchema.default('blue') });

export const createCorpTagGroupRequestSchema = z
  .object({
    name: tagGroupNameSchema,
    // WeCom has no empty tag groups: a group is created with its first tags.
    tags: z.array(newTagSchema, { error: '请至少添加一个标签' }).min(1, '请至少添加一个标签').max(100),
  })
  .openapi('CreateCorpTagGroupRequest');

export const renameTagGroupRequestSchema = z
  .object({ name: tagGroupNameSchema })
  .openapi('RenameTagGroupRequest');

export const addTagRequestSchema = newTagSchema.openapi('AddTagRequest');

export const editTagRequestSchema = z
  .object({ name: tagNameSchema.optional(), color: tagColorSchema.optional() })
  .refine((body) => body.name !== undefined || body.color !== undefined, '请输入标签名称或选择标签颜色')
  .openapi('EditTagRequest');

export const reorderRequestSchema = z
  .object({
    /** Every id of the list, in the order shown (first = top). */
    ids: z.array(z.string().min(1).max(64), { error: '请提供排序' }).min(1, '请提供排序').max(1000),
  })
  .openapi('ReorderRequest');

export const tagKeyParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const tagGroupTagParamsSchema = z.object({
  groupId: z.string().min(1).max(64),
  id: z.string().min(1).max(64),
});
export const tagGroupParamsSchema = z.object({ groupId: z.string().min(1).max(64) });

// ---- 群标签 ----

export const groupTagSchema = z.object(tagView).openapi('GroupTag');

export const groupTagGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    order: z.number(),
    createdAt: z.string().nullable(),
    tags: z.array(groupTagSchema),
  })
  .openapi('GroupTagGroup');

export const groupTagGroupListSchema = z
  .object({ items: z.array(groupTagGroupSchema) })
  .openapi('GroupTagGroupList');

export const createGroupTagGroupRequestSchema = z
  .object({ name: tagGroupNameSchema })
  .openapi('CreateGroupTagGroupRequest');

export type CorpTagView = z.infer<typeof corpTagSchema>;
export type CorpTagGroupView = z.infer<typeof corpTagGroupSchema>;
export type GroupTagGroupView = z.infer<typeof groupTagGroupSchema>;

import { pageOf, paginationQuerySchema, z } from './common.contract';

/**
 * 知识库 (R-4, I-68 … I-74): the 公共知识库's three libraries, each with its own category tree (R-4-02): 话术库
 * (question, 相似问, answer), 常用语 (a text) and 常用链接 (a link, shown as a card). Shared by the api's
 * validation, its OpenAPI document, the admin's forms and the H5 side panel.
 */
export const KNOWLEDGE_KINDS = ['scripts', 'phrases', 'links'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
export const KNOWLEDGE_KIND_LABELS: Record<KnowledgeKind, string> = {
  scripts: '话术库',
  phrases: '常用语',
  links: '常用链接',
};

/** R-4.1.1-02, I-69: 4 category levels below the root 全部问题 (which is not counted). */
export const CATEGORY_DEPTH_MAX = 4;
/** R-4.1.1-03: a category name is at most 30 汉字 (cut with "..." in the tree). */
export const CATEGORY_NAME_MAX = 30;
/** The fixed first-level category every tree has (R-4.1.1-01): never renamed, moved or deleted, no children. */
export const UNCATEGORIZED_NAME = '未分类';
/** I-70: the manual's prompt, its typo fixed. */
export const CATEGORY_NOT_EMPTY_MESSAGE = '请先清除该分类下内容再进行删除';

/** I-72, I-73, I-74. */
export const SCRIPT_QUESTION_MAX = 100;
export const SCRIPT_SIMILAR_MAX = 100;
export const SCRIPT_SIMILAR_COUNT_MAX = 10;
export const SCRIPT_ANSWER_MAX = 1000;
export const PHRASE_CONTENT_MAX = 300;
export const LINK_NAME_MAX = 30;
export const LINK_URL_MAX = 2048;
/** A fetched or edited link card's title and description (WeCom's link message allows 128 and 512 bytes). */
export const LINK_TITLE_MAX = 40;
export const LINK_DESCRIPTION_MAX = 170;

export const knowledgeKindParamsSchema = z.object({
  kind: z.enum(KNOWLEDGE_KINDS, { error: '素材类型不正确' }),
});

/** One category and its children, in order; `fixed` marks 未分类. The root 全部问题 is the tree itself. */
export interface KnowledgeCategoryNode {
  id: string;
  name: string;
  fixed: boolean;
  children: KnowledgeCategoryNode[];
}
export const knowledgeCategoryNodeSchema: z.ZodType<KnowledgeCategoryNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      name: z.string(),
      fixed: z.boolean(),
      children: z.array(knowledgeCategoryNodeSchema),
    }),
  )
  .openapi('KnowledgeCategoryNode');

/** A kind's whole tree, first level first (未分类 among them), with each category's own item count. */
export const knowledgeTreeSchema = z
  .object({
    kind: z.enum(KNOWLEDGE_KINDS),
    categories: z.array(knowledgeCategoryNodeSchema),
    /** Items directly in each category, by id (the list header adds the descendants'). */
    counts: z.record(z.string(), z.number().int()),
  })
  .openapi('KnowledgeTree');
export type KnowledgeTree = z.infer<typeof knowledgeTreeSchema>;

const categoryName = z
  .string({ error: '请输入分类名称' })
  .trim()
  .min(1, '请输入分类名称')
  .max(CATEGORY_NAME_MAX, `分类名称最多${CATEGORY_NAME_MAX}个字`);

/** 添加子菜单 (or "+" next to the root: `parentId` null). */
export const knowledgeCategoryCreateSchema = z
  .object({ name: categoryName, parentId: z.string().nullable().default(null) })
  .openapi('KnowledgeCategoryCreate');
/** 修改名称. */
export const knowledgeCategoryRenameSchema = z
  .object({ name: categoryName })
  .openapi('KnowledgeCategoryRename');
/** Drag (R-4.1.1-06): under `parentId` (null: the first level), at `index` among its siblings. */
export const knowledgeCategoryMoveSchema = z
  .object({ parentId: z.string().nullable(), index: z.number().int().min(0) })
  .openapi('KnowledgeCategoryMove');
export const knowledgeCategoryParamsSchema = knowledgeKindParamsSchema.extend({ categoryId: z.string() });

const similarQuestions = z
  .array(
    z.string().trim().min(1, '相似问不能为空').max(SCRIPT_SIMILAR_MAX, `相似问最多${SCRIPT_SIMILAR_MAX}个字`),
  )
  .max(SCRIPT_SIMILAR_COUNT_MAX, `相似问最多${SCRIPT_SIMILAR_COUNT_MAX}个`)
  .default([]);

const httpUrl = z
  .string({ error: '请输入链接地址' })
  .trim()
  .min(1, '请输入链接地址')
  .max(LINK_URL_MAX, `链接地址最多${LINK_URL_MAX}个字符`)
  .refine(
    (value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value),
    '请输入以http://或https://开头的有效链接',
  );

/** 新建问题 / 编辑 (R-4.1.1-10, I-72); `categoryId` null or absent: 未分类. */
export const scriptInputSchema = z
  .object({
    question: z
      .string({ error: '请输入问题' })
      .trim()
      .min(1, '请输入问题')
      .max(SCRIPT_QUESTION_MAX, `问题名称最多${SCRIPT_QUESTION_MAX}个字`),
    similar: similarQuestions,
    answer: z
      .string({ error: '请输入答案' })
      .trim()
      .min(1, '请输入答案')
      .max(SCRIPT_ANSWER_MAX, `答案最多${SCRIPT_ANSWER_MAX}个字`),
    categoryId: z.string().nullable().optional(),
  })
  .openapi('ScriptInput');

/** 常用语 (I-73). */
export const phraseInputSchema = z
  .object({
    content: z
      .string({ error: '请输入常用语内容' })
      .trim()
      .min(1, '请输入常用语内容')
      .max(PHRASE_CONTENT_MAX, `常用语内容最多${PHRASE_CONTENT_MAX}个字`),
    categoryId: z.string().nullable().optional(),
  })
  .openapi('PhraseInput');

/** 新增常用链接 (R-4.1.3-03, I-74); the card's title, description and cover as fetched, editable. */
export const linkInputSchema = z
  .object({
    name: z
      .string({ error: '请输入链接名称' })
      .trim()
      .min(1, '请输入链接名称')
      .max(LINK_NAME_MAX, `链接名称最多${LINK_NAME_MAX}个字`),
    url: httpUrl,
    title: z.string().trim().max(LINK_TITLE_MAX, `卡片标题最多${LINK_TITLE_MAX}个字`).default(''),
    description: z
      .string()
      .trim()
      .max(LINK_DESCRIPTION_MAX, `卡片描述最多${LINK_DESCRIPTION_MAX}个字`)
      .default(''),
    coverUrl: z.union([z.literal(''), httpUrl]).default(''),
    categoryId: z.string().nullable().optional(),
  })
  .openapi('LinkInput');

export type ScriptInput = z.infer<typeof scriptInputSchema>;
export type PhraseInput = z.infer<typeof phraseInputSchema>;
export type LinkInput = z.infer<typeof linkInputSchema>;

/** One item as the lists, the 查看 page and the side panel show it: the kind's own fields beside the common ones. */
export const knowledgeItemSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('scripts'),
      question: z.string(),
      similar: z.array(z.string()),
      answer: z.string(),
    }),
    z.object({ kind: z.literal('phrases'), content: z.string() }),
    z.object({
      kind: z.literal('links'),
      name: z.string(),
      url: z.string(),
      title: z.string(),
      description: z.string(),
      coverUrl: z.string(),
    }),
  ])
  .and(
    z.object({
      id: z.string(),
      categoryId: z.string(),
      categoryName: z.string(),
      usageCount: z.number().int(),
      /** 最近更新时间. */
      updatedAt: z.string(),
    }),
  )
  .openapi('KnowledgeItem');
export type KnowledgeItem = z.infer<typeof knowledgeItemSchema>;

export const KNOWLEDGE_SORTS = ['updatedAt', 'usageCount'] as const;

/**
 * A list (R-4.1.1-08/09): the selected category and its descendants (absent: 全部问题), the tab's search (问题名称
 * and 相似问 / 常用语内容 / 链接名称, as substrings), sorted by 最近更新时间 (default) or 使用次数.
 */
export const knowledgeListQuerySchema = paginationQuerySchema.extend({
  categoryId: z.string().optional(),
  keyword: z.string().trim().max(100, '搜索内容过长').optional(),
  sort: z.enum(KNOWLEDGE_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type KnowledgeListQuery = z.infer<typeof knowledgeListQuerySchema>;
export const knowledgePageSchema = pageOf(knowledgeItemSchema).openapi('KnowledgePage');

export const knowledgeItemParamsSchema = z.object({ itemId: z.string() });

/** 新增常用链接: what the page at `url` says about itself, to fill the card (all empty when it cannot be read). */
export const linkPreviewQuerySchema = z.object({ url: httpUrl });
export const linkPreviewSchema = z
  .object({ title: z.string(), description: z.string(), coverUrl: z.string() })
  .openapi('LinkPreview');
export type LinkPreview = z.infer<typeof linkPreviewSchema>;

/**
 * The side panel's search across the three libraries (issue 15 item 4): `kind` and `categoryId` narrow it; the
 * keyword matches 问题名称 and 相似问, 常用语内容 and 链接名称.
 */
export const h5KnowledgeQuerySchema = paginationQuerySchema.extend({
  kind: z.enum(KNOWLEDGE_KINDS).optional(),
  categoryId: z.string().optional(),
  keyword: z.string().trim().max(100, '搜索内容过长').optional(),
});

/**
 * 发送 or 复制 from the side panel: adds 1 to 使用次数 once per action. `actionId` is made by the panel per press
 * (a retry of the same press sends the same one, and counts nothing more).
 */
export const knowledgeUseSchema = z
  .object({
    action: z.enum(['send', 'copy']),
    actionId: z.string().trim().min(8).max(64),
  })
  .openapi('KnowledgeUse');
export const knowledgeUseResultSchema = z
  .object({ usageCount: z.number().int(), counted: z.boolean() })
  .openapi('KnowledgeUseResult');

import { pageOf, paginationQuerySchema, z } from './common.contract';

/** 分类 (R-5.2.2-06): 正向 / 中立 / 负向. */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** 敏感消息管理: limits and wording of the manual (R-5.2.2-01/02). */
export const RULE_NAME_MAX = 10;
export const RULE_WORDS_MAX = 500;
/** Words are split on the Chinese comma only (R-5.2.2-03); an ASCII "," stays inside a word. */
export const WORD_SEPARATOR = '，';

/** I-82: trim each word, drop empty ones, keep the first of duplicates. */
export function splitWords(text: string): string[] {
  return [...new Set(text.split(WORD_SEPARATOR).map((word) => word.trim()))].filter(Boolean);
}

export const sentimentSchema = z.enum(SENTIMENTS, { error: '请选择分类' });

export const sensitiveRuleInputSchema = z
  .object({
    name: z
      .string({ error: '请输入规则名称' })
      .trim()
      .min(1, '请输入规则名称')
      .max(RULE_NAME_MAX, `规则名称不能超过${RULE_NAME_MAX}个字符`),
    /** The words as typed, separated by "，" (at most 500 characters in all). */
    words: z
      .string({ error: '请输入敏感词' })
      .max(RULE_WORDS_MAX, `敏感词最多输入${RULE_WORDS_MAX}个字`)
      .refine((text) => splitWords(text).length > 0, '请输入敏感词'),
    sentiment: sentimentSchema.default('negative'),
  })
  .openapi('SensitiveRuleInput');
export type SensitiveRuleInput = z.infer<typeof sensitiveRuleInputSchema>;

export const sensitiveRuleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    words: z.array(z.string()),
    sentiment: sentimentSchema,
    enabled: z.boolean(),
    hitCount: z.number().int(),
    creatorName: z.string(),
    createdAt: z.string(),
  })
  .openapi('SensitiveRule');
export type SensitiveRuleView = z.infer<typeof sensitiveRuleSchema>;

export const sensitiveRuleListQuerySchema = paginationQuerySchema.extend({
  /** 规则名称, fuzzy (R-5.2.1-01). */
  keyword: z.string().trim().max(50, '搜索内容过长').optional(),
  status: z.enum(['all', 'enabled', 'disabled']).default('all'),
  /** 创建时间 newest first by default (R-5.2.1-03); 命中次数 either way (R-5.2.1-08). */
  sort: z.enum(['createdAt', 'hitCount-asc', 'hitCount-desc']).default('createdAt'),
});
export type SensitiveRuleListQuery = z.infer<typeof sensitiveRuleListQuerySchema>;

export const sensitiveRulePageSchema = pageOf(sensitiveRuleSchema).openapi('SensitiveRulePage');

export const sensitiveRuleParamsSchema = z.object({ ruleId: z.string().min(1).max(64) });

export const sensitiveRuleSwitchSchema = z
  .object({ enabled: z.boolean({ error: '请选择开启或关闭' }) })
  .openapi('SensitiveRuleSwitch');

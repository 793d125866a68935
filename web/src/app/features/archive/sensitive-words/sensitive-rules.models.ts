import type {
  SensitiveRuleListQuery,
  SensitiveRuleView,
  sensitiveRulePageSchema,
} from '@contracts/sensitive-rules.contract';
import type { z } from 'zod';

/** 敏感消息管理 as the api serves it (lib/contracts/sensitive-rules.contract.ts). */
export type { SensitiveRuleInput } from '@contracts/sensitive-rules.contract';
export type SensitiveRule = SensitiveRuleView;
export type Sentiment = SensitiveRule['sentiment'];
export type RuleStatusFilter = SensitiveRuleListQuery['status'];
export type RuleSort = SensitiveRuleListQuery['sort'];
export type SensitiveRulePage = z.infer<typeof sensitiveRulePageSchema>;

export const RULE_NAME_MAX = 10;
export const RULE_WORDS_MAX = 500;
export const WORD_SEPARATOR = '，';
/** 敏感词 shows at most 15 characters in the list (R-5.2.1-06). */
export const WORDS_SHOWN = 15;

/** R-5.2.2-06: the manual's 正向 / 中立 / 负向, 负向 first as the default. */
export const SENTIMENT_OPTIONS: ReadonlyArray<{ value: Sentiment; label: string }> = [
  { value: 'negative', label: '负向' },
  { value: 'neutral', label: '中立' },
  { value: 'positive', label: '正向' },
];

export const sentimentLabel = (value: Sentiment): string =>
  SENTIMENT_OPTIONS.find((option) => option.value === value)?.label ?? value;

/** The list's 敏感词 cell: the words joined by "，", cut after 15 characters with "...". */
export function wordsCell(words: readonly string[]): string {
  const text = words.join(WORD_SEPARATOR);
  const chars = [...text];
  return chars.length > WORDS_SHOWN ? `${chars.slice(0, WORDS_SHOWN).join('')}...` : text;
}

/** R-5.2.2-03: an ASCII comma is not a separator, so the form warns when one is typed. */
export const hasAsciiComma = (words: string): boolean => words.includes(',');

/** 命中次数 column's sort (R-5.2.1-08): first click ascending, then descending, then back to 创建时间. */
export function sortOf(order: string | null): RuleSort {
  if (order === 'ascend') return 'hitCount-asc';
  if (order === 'descend') return 'hitCount-desc';
  return 'createdAt';
}

import type { SensitiveAlertView, sensitiveAlertPageSchema } from '@contracts/sensitive-alerts.contract';
import type { z } from 'zod';

/** 敏感行为列表 as the api serves it (lib/contracts/sensitive-alerts.contract.ts). */
export type { SensitiveAlertContext } from '@contracts/sensitive-alerts.contract';
export type SensitiveAlert = SensitiveAlertView;
export type SensitiveBehavior = SensitiveAlert['behavior'];

/** Not reviewed yet, or the latest review's 审核结果. */
export type AlertStatus = SensitiveAlert['status'];
export type Verdict = Exclude<AlertStatus, 'pending'>;

/** 审核结果 (I-86). */
export const VERDICT_LABELS: Record<Verdict, string> = { violation: '违规属实', dismissed: '移除预警' };

/** The 状态 filter (R-5.3.1-01): 已审核 is either 审核结果. */
export type StatusFilter = 'all' | 'pending' | 'reviewed';

export type SensitiveAlertPage = z.infer<typeof sensitiveAlertPageSchema>;

export interface SensitiveAlertFilters {
  behavior: SensitiveBehavior | 'all';
  from?: string;
  to?: string;
  /** 发送人 or 审核人 (R-5.3.1-02). */
  keyword?: string;
  status?: StatusFilter;
}

export const BEHAVIOR_LABELS: Record<SensitiveBehavior, string> = {
  redpacket: '发红包',
  card: '发名片',
  'sensitive-message': '敏感消息',
  'delete-friend': '删除好友',
};

/** 详情 shows 20 characters (R-5.3.1-08). */
export const DETAIL_SHOWN = 20;

export interface DetailPart {
  text: string;
  hit: boolean;
}

/**
 * 详情 as pieces to draw (R-5.3.1-08): at most 20 characters then "...", the rule's words marked for red.
 * The api already gives "--" for 删除好友 and "[红包]" / "[名片]" (I-85).
 */
export function detailParts(alert: Pick<SensitiveAlert, 'content' | 'words'>): DetailPart[] {
  const chars = [...alert.content];
  const parts = highlightParts(chars.slice(0, DETAIL_SHOWN).join(''), alert.words);
  if (chars.length > DETAIL_SHOWN) parts.push({ text: '...', hit: false });
  return parts;
}

/** Text cut into runs, the words' occurrences marked (for red). */
export function highlightParts(shown: string, words: readonly string[]): DetailPart[] {
  const marked = new Array<boolean>(shown.length).fill(false);
  for (const word of words) {
    if (!word) continue;
    for (let at = shown.indexOf(word); at >= 0; at = shown.indexOf(word, at + 1)) {
      marked.fill(true, at, at + word.length);
    }
  }
  const parts: DetailPart[] = [];
  for (let i = 0; i < shown.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === marked[i]) last.text += shown[i];
    else parts.push({ text: shown[i], hit: marked[i] });
  }
  return parts;
}

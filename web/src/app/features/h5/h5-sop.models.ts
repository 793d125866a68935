import type {
  sopTodoCardSchema,
  sopTodoContentSchema,
  sopTodoDetailSchema,
  sopTodoTargetSchema,
} from '@contracts/sop.contract';
import type { z } from 'zod';

import { formatDateTime } from '../../core/format/date-time';

/** The H5 待办 as /api/h5/sop-todos serves it (lib/contracts/sop.contract.ts). */
export type SopTodoCard = z.infer<typeof sopTodoCardSchema>;
export type SopTodoDetail = z.infer<typeof sopTodoDetailSchema>;
export type SopTodoContent = z.infer<typeof sopTodoContentSchema>;
export type SopTodoTarget = z.infer<typeof sopTodoTargetSchema>;
export type SopTodoTab = 'open' | 'done';

export const TODO_TABS: ReadonlyArray<[SopTodoTab, string]> = [
  ['open', '未完成'],
  ['done', '已完成'],
];
export const CHANNEL_LABELS: Record<SopTodoDetail['channel'], string> = {
  message: '企微消息',
  moments: '企微朋友圈',
};

/** 发送时间 (R-8.3-03): to the minute. */
export function minuteOf(value: string): string {
  const text = formatDateTime(value);
  return text === '-' ? text : text.slice(0, 16);
}

/** 属性 (R-8.3-04): 微信 or 企业微信 for a customer; a group has none. */
export function targetKindLabel(type: number | null): string | null {
  if (type === 1) return '微信';
  if (type === 2) return '企业微信';
  return null;
}

/** What 复制 puts on the clipboard for a message: its words, or the link's title and address. */
export function copyTextOf(content: SopTodoContent): string {
  switch (content.kind) {
    case 'text':
      return content.text ?? '';
    case 'link':
      return [content.title, content.url].filter(Boolean).join('\n');
    default:
      return [content.title, content.fileUrl].filter(Boolean).join('\n');
  }
}

import { HttpErrorResponse } from '@angular/common/http';

import type { CustomerGroupPortrait, MessageTrend } from '@contracts/customer-groups.contract';

import { apiErrorMessage } from '../../core/net/api-error';

/**
 * The parts of GET /api/customer-groups/:chatId/portrait (lib/contracts/customer-groups.contract.ts) the sidebar
 * shows, as the admin's 群画像 drawer does: 群介绍, 群内部人员 and 群外部人员.
 */
export type GroupPortrait = Pick<
  CustomerGroupPortrait,
  | 'chatId'
  | 'name'
  | 'owner'
  | 'notice'
  | 'createdAt'
  | 'memberCount'
  | 'groupTags'
  | 'internalMembers'
  | 'externalMembers'
>;

/** GET /api/customer-groups/:chatId/message-trend?days=7: messages per day, staff vs customers. */
export type GroupMessageTrend = MessageTrend;

/** WeCom lets a group go without a name; the admin's lists call it the same. */
export function groupTitle(portrait: Pick<GroupPortrait, 'name'>): string {
  return portrait.name.trim() || '未命名群聊';
}

/** 群内部人员 / 群外部人员 as one line, or 暂无. */
export function memberNames(members: ReadonlyArray<{ userid: string; name: string }>): string {
  return members.map((member) => member.name || member.userid).join('、') || '暂无';
}

/**
 * Why the portrait cannot be shown: a group the api does not find has not been synced yet or is outside the
 * member's 数据权限 (the api answers both with 404, as it must not say which).
 */
export function portraitProblem(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 404) {
    return '暂无群画像数据：该客户群尚未同步，或不在您的数据权限内';
  }
  return `群画像加载失败：${apiErrorMessage(error)}`;
}

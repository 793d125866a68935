import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorMessage } from '../../core/net/api-error';

/**
 * The parts of GET /api/customer-groups/:chatId/portrait (lib/contracts/customer-groups.contract.ts) the sidebar
 * shows, as the admin's 群画像 drawer does: 群介绍, 群内部人员 and 群外部人员.
 */
export interface GroupPortrait {
  chatId: string;
  name: string;
  owner: { userid: string; name: string };
  notice: string;
  createdAt: string | null;
  memberCount: number;
  groupTags: Array<{ id: string; name: string }>;
  internalMembers: Array<{ userid: string; name: string }>;
  externalMembers: Array<{ userid: string; name: string }>;
}

/** GET /api/customer-groups/:chatId/message-trend?days=7: messages per day, staff vs customers. */
export interface GroupMessageTrend {
  archived: boolean;
  days: Array<{ date: string; staff: number; customers: number }>;
}

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

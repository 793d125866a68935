import type {
  AudiencePreview,
  MassSendAudience,
  MassSendDetail,
  MassSendInput,
  MassSendKind,
  MassSendListQuery,
  MassSendRefresh,
  MassSendResultRow,
  MassSendRow,
  MassSendStatus,
  RecipientFailReason,
  RecipientStatus,
} from '@contracts/mass-send.contract';

/** 群发管理 as the api serves it (lib/contracts/mass-send.contract.ts). */
export type {
  AudiencePreview,
  MassSendAudience,
  MassSendDetail,
  MassSendInput,
  MassSendKind,
  MassSendRefresh,
  MassSendResultRow,
  MassSendRow,
  MassSendStatus,
  RecipientStatus,
};
export type MassSendFilters = Pick<MassSendListQuery, 'kind' | 'status' | 'creator'>;

/** The manual's limits (R-3.3.2-06, I-63); the api checks them again. */
export const TEXT_MAX = 300;
export const MIN_LEAD_MINUTES = 5;

export const KIND_LABELS: Record<MassSendKind, string> = {
  customers: '发送给客户',
  groups: '发送给客户群',
};

export const STATUS_LABELS: Record<MassSendStatus, string> = {
  draft: '草稿',
  scheduled: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  cancelled: '已取消',
};

export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  sent: '已发送',
  unsent: '未发送',
  failed: '发送失败',
};

const FAIL_LABELS: Record<RecipientFailReason, string> = {
  'not-friend': '客户已不是好友',
  'already-received': '客户已收到其他群发消息',
};

/** 完成情况: 已发送 / 未发送, or 发送失败 with WeCom's reason. */
export function outcomeLabel(row: Pick<MassSendResultRow, 'status' | 'failReason'>): string {
  const label = RECIPIENT_STATUS_LABELS[row.status];
  return row.failReason ? `${label}（${FAIL_LABELS[row.failReason]}）` : label;
}

/** What each state allows (I-61): 草稿 编辑/删除/发送, 待发送 编辑/取消, 已发送 取消 (members who have not sent). */
export function actionsOf(status: MassSendStatus): { edit: boolean; remove: boolean; cancel: boolean } {
  return {
    edit: status === 'draft' || status === 'scheduled',
    remove: status === 'draft',
    cancel: status === 'scheduled' || status === 'sent',
  };
}

/** 消息内容 in the list: cut with "..." past 30 characters (R-3.3.1-02). */
export function textCell(text: string): string {
  const chars = [...text];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}...` : text;
}

/** I-63 as the form checks it before asking the api. */
export function tooSoon(sendAt: Date, now: Date): boolean {
  return sendAt.getTime() - now.getTime() < MIN_LEAD_MINUTES * 60_000;
}

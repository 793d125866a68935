import type { SensitiveAlertView } from '../contracts/sensitive-alerts.contract';
import { customersByExternalUserid } from '../customers/customers-by-id';
import { findMatchingAny } from '../db/find-matching-any';
import { CustomerGroupModel } from '../models/customer-group.model';
import type { SensitiveAlert } from '../models/sensitive-alert.model';
import type { SensitiveBehavior } from '../models/sensitive-behavior-settings.model';
import { staffNamesByUserid } from '../org/staff-names';

export type StoredAlert = SensitiveAlert & { _id: string };

export const BEHAVIOR_LABELS: Record<SensitiveBehavior, string> = {
  redpacket: '发红包',
  card: '发名片',
  'sensitive-message': '敏感消息',
  'delete-friend': '删除好友',
};

/** 审核结果 (I-86). */
export const VERDICT_LABELS = { violation: '违规属实', dismissed: '移除预警' } as const;

/**
 * 详情 (R-5.3.1-08, I-85): the sentence for a sensitive message, "[红包]" / "[名片]" for a red packet or a
 * card (their wish or company name is not what was flagged), "--" for 删除好友.
 */
function alertDetail(behavior: string, content: string): string {
  switch (behavior) {
    case 'redpacket':
      return '[红包]';
    case 'card':
      return '[名片]';
    case 'delete-friend':
      return '--';
    default:
      return content;
  }
}

/**
 * Rows as the list, the export and the app message show them (R-5.3.1-07, I-86), with one read per kind of
 * name for the whole set.
 */
export async function alertViews(tenantId: string, rows: StoredAlert[]): Promise<SensitiveAlertView[]> {
  const names = await namesOf(tenantId, rows);
  return rows.map((row) => alertView(row, names));
}

interface Names {
  staff: Map<string, string>;
  customers: Map<string, string>;
  groups: Map<string, string>;
}

async function namesOf(tenantId: string, rows: StoredAlert[]): Promise<Names> {
  const externalIds = new Set<string>();
  for (const row of rows) {
    if (row.senderType === 'external') externalIds.add(row.from);
    const single = row.conversationId.startsWith('single:') ? row.conversationId.slice(7).split('|') : [];
    for (const id of single) if (id.startsWith('w')) externalIds.add(id);
  }
  const roomids = [...new Set(rows.map((row) => row.roomid).filter(Boolean))];
  const staffIds = [...new Set(rows.filter((row) => row.senderType === 'staff').map((row) => row.from))];
  const [staff, customers, groups] = await Promise.all([
    staffNamesByUserid(tenantId, staffIds),
    customersByExternalUserid<{ externalUserid: string; name: string }>(tenantId, [...externalIds], {
      name: 1,
    }),
    // By key: a chatId `$in` makes FerretDB read every group of the tenant, members and all.
    findMatchingAny<{ chatId: string; name?: string | null }>(
      CustomerGroupModel,
      roomids.map((chatId) => ({ tenantId, chatId })),
      { chatId: 1, name: 1 },
    ),
  ]);
  return {
    staff,
    customers: new Map(customers.map((c) => [c.externalUserid, c.name])),
    groups: new Map(groups.map((g) => [g.chatId, g.name ?? ''])),
  };
}

function alertView(row: StoredAlert, names: Names): SensitiveAlertView {
  const customerOfChat = row.conversationId
    .replace(/^single:/, '')
    .split('|')
    .find((id) => names.customers.has(id));
  return {
    id: row._id,
    triggeredAt: row.triggeredAt.toISOString(),
    behavior: row.behavior as SensitiveBehavior,
    senderName:
      (row.senderType === 'staff' ? names.staff.get(row.from) : names.customers.get(row.from)) ?? row.from,
    senderType: row.senderType === 'staff' ? 'staff' : 'customer',
    chatName: row.roomid
      ? (names.groups.get(row.roomid) ?? '')
      : customerOfChat
        ? names.customers.get(customerOfChat)!
        : '',
    ruleName: row.ruleName ?? null,
    content: alertDetail(row.behavior, row.content),
    words: row.words,
    status: (row.status ?? 'pending') as SensitiveAlertView['status'],
    reviewNote: row.reviewNote ?? '',
    reviewerName: row.reviewer?.name ?? null,
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
  };
}

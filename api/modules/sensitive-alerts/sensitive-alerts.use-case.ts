import type { FilterQuery } from 'mongoose';
import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type {
  SensitiveAlertListQuery,
  SensitiveAlertView,
} from '../../../lib/contracts/sensitive-alerts.contract';
import { CustomerGroupModel } from '../../../lib/models/customer-group.model';
import { CustomerModel } from '../../../lib/models/customer.model';
import { SensitiveAlertModel, type SensitiveAlert } from '../../../lib/models/sensitive-alert.model';
import type { SensitiveBehavior } from '../../../lib/models/sensitive-behavior-settings.model';
import { StaffModel } from '../../../lib/models/staff.model';

export type StoredAlert = SensitiveAlert & { _id: string };

/**
 * 敏感行为列表: newest first, by 敏感行为 and 触发时间, searched by 发送人 name, within the caller's
 * 数据权限 (rows of conversations with a member in scope).
 */
export async function listAlerts(tenantId: string, scope: StaffScope, query: SensitiveAlertListQuery) {
  const filter = await alertFilter(tenantId, scope, query);
  const [rows, total] = await Promise.all([
    SensitiveAlertModel.find(filter)
      .sort(NEWEST_FIRST)
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<StoredAlert[]>(),
    SensitiveAlertModel.countDocuments(filter),
  ]);
  return { items: await alertViews(tenantId, rows), total, page: query.page, pageSize: query.pageSize };
}

export const NEWEST_FIRST = { triggeredAt: -1, _id: -1 } as const;

/** The list's filter, shared by the export so that it never shows more than the list. */
export async function alertFilter(
  tenantId: string,
  scope: StaffScope,
  query: Omit<SensitiveAlertListQuery, 'page' | 'pageSize'>,
): Promise<FilterQuery<SensitiveAlert>> {
  const filter: FilterQuery<SensitiveAlert> = { tenantId, ...staffScopeFilter(scope, 'staffUserids') };
  if (query.behavior !== 'all') filter.behavior = query.behavior;
  if (query.from || query.to) {
    filter.triggeredAt = {
      ...(query.from ? { $gte: query.from } : {}),
      ...(query.to ? { $lte: query.to } : {}),
    };
  }
  if (query.keyword) filter.from = { $in: await sendersNamed(tenantId, query.keyword) };
  if (query.status !== 'all') filter.status = query.status;
  if (query.reviewer) filter['reviewer.name'] = new RegExp(escapeRegExp(query.reviewer));
  return filter;
}

/** Rows as the list shows them, with one read per kind of name for the whole set. */
export async function alertViews(tenantId: string, rows: StoredAlert[]): Promise<SensitiveAlertView[]> {
  const names = await namesOf(tenantId, rows);
  return rows.map((row) => alertView(row, names));
}

/** Members and customers whose name contains the keyword. */
async function sendersNamed(tenantId: string, keyword: string): Promise<string[]> {
  const pattern = new RegExp(escapeRegExp(keyword));
  const [staff, customers] = await Promise.all([
    StaffModel.distinct('userid', { tenantId, name: pattern }) as Promise<string[]>,
    CustomerModel.distinct('externalUserid', { tenantId, name: pattern }) as Promise<string[]>,
  ]);
  return [...staff, ...customers];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Names {
  staff: Map<string, string>;
  customers: Map<string, string>;
  groups: Map<string, string>;
}

/** One read per kind of name for the whole page. */
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
    StaffModel.find({ tenantId, userid: { $in: staffIds } }, { userid: 1, name: 1 }).lean(),
    CustomerModel.find(
      { tenantId, externalUserid: { $in: [...externalIds] } },
      { externalUserid: 1, name: 1 },
    ).lean(),
    CustomerGroupModel.find({ tenantId, chatId: { $in: roomids } }, { chatId: 1, name: 1 }).lean(),
  ]);
  return {
    staff: new Map(staff.map((s) => [s.userid, s.name])),
    customers: new Map(customers.map((c) => [c.externalUserid, c.name])),
    groups: new Map(groups.map((g) => [g.chatId, g.name])),
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
    content: row.content,
    words: row.words,
    status: (row.status ?? 'pending') as SensitiveAlertView['status'],
    reviewNote: row.reviewNote ?? '',
    reviewerName: row.reviewer?.name ?? null,
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
  };
}

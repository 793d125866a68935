import type { FilterQuery } from 'mongoose';
import { staffScopeFilter, type StaffScope } from '../../../lib/access/data-scope';
import type {
  SensitiveAlertListQuery,
  SensitiveAlertView,
} from '../../../lib/contracts/sensitive-alerts.contract';
import { CustomerModel } from '../../../lib/models/customer.model';
import { SensitiveAlertModel, type SensitiveAlert } from '../../../lib/models/sensitive-alert.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { alertViews, type StoredAlert } from '../../../lib/sensitive/alert-views';
import { alertNotFound } from './sensitive-alert-review.use-case';

/**
 * 敏感行为列表: newest first, by 状态, 敏感行为 and 触发时间, searched by 发送人 or 审核人 name,
 * within the caller's 数据权限 (rows of conversations with a member in scope).
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

/** One alert as the list shows it: what the app message's review link opens the dialog on. */
export async function getAlert(
  tenantId: string,
  scope: StaffScope,
  alertId: string,
): Promise<SensitiveAlertView> {
  const row = await SensitiveAlertModel.findOne({
    tenantId,
    _id: alertId,
    ...staffScopeFilter(scope, 'staffUserids'),
  }).lean<StoredAlert>();
  if (!row) throw alertNotFound();
  return (await alertViews(tenantId, [row]))[0];
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
  if (query.keyword) {
    const pattern = new RegExp(escapeRegExp(query.keyword));
    filter.$or = [{ from: { $in: await sendersNamed(tenantId, pattern) } }, { 'reviewer.name': pattern }];
  }
  if (query.status === 'pending') filter.status = 'pending';
  if (query.status === 'reviewed') filter.status = { $in: ['violation', 'dismissed'] };
  return filter;
}

/** Members and customers whose name matches. */
async function sendersNamed(tenantId: string, pattern: RegExp): Promise<string[]> {
  const [staff, customers] = await Promise.all([
    StaffModel.distinct('userid', { tenantId, name: pattern }) as Promise<string[]>,
    CustomerModel.distinct('externalUserid', { tenantId, name: pattern }) as Promise<string[]>,
  ]);
  return [...staff, ...customers];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

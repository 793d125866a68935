import { HttpParams } from '@angular/common/http';
import type { CustomerLossView, LossAlertSettings } from '@contracts/customer-losses.contract';

/** 流失客户 (issue 19 item 3) as the api serves it (lib/contracts/customer-losses.contract.ts). */
export type { CustomerLossView, LossAlertSettings };
export type LossKind = CustomerLossView['kind'];

export interface CustomerLossPage {
  items: CustomerLossView[];
  total: number;
  page: number;
  pageSize: number;
}

/** The query the list and 导出 send; unset filters are left out. */
export interface CustomerLossFilters {
  userid?: string;
  kind?: LossKind;
  from?: string;
  to?: string;
  tagId?: string;
}

export const LOSS_KIND_LABELS: Record<LossKind, string> = {
  deleted_by_customer: '客户删除员工',
  deleted_by_staff: '员工删除客户',
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The filter bar as the list's query: empty fields are left out, the 流失时间 range becomes whole days. */
export function toLossFilters(form: {
  userid: string | null;
  kind: LossKind | 'all';
  range: Date[];
  tagId: string | null;
}): CustomerLossFilters {
  const filters: CustomerLossFilters = {};
  if (form.userid) filters.userid = form.userid;
  if (form.kind !== 'all') filters.kind = form.kind;
  if (form.range.length === 2) {
    filters.from = day(form.range[0]);
    filters.to = day(form.range[1]);
  }
  if (form.tagId) filters.tagId = form.tagId;
  return filters;
}

/** The filters in force as query parameters: the list and 导出 send the same. */
export function lossFilterParams(filters: CustomerLossFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) if (value) params = params.set(name, value);
  return params;
}

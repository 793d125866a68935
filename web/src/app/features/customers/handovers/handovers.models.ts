import { HttpParams } from '@angular/common/http';
import type {
  HandoverDetail,
  HandoverInput,
  handoverRecordSchema,
  resignedCustomerRowSchema,
  resignedGroupRowSchema,
} from '@contracts/handover.contract';
import type { z } from 'zod';

import { CustomerQuery } from '../customers/customer.models';
import { EMPTY_FILTER } from '../customers/customer-texts';

/** 离职继承 / 在职继承 (issue 19) as the api serves them (lib/contracts/handover.contract.ts). */
export type { HandoverDetail, HandoverInput };
export type ResignedCustomerRow = z.infer<typeof resignedCustomerRowSchema>;
export type ResignedGroupRow = z.infer<typeof resignedGroupRowSchema>;
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;
export type HandoverCustomer = HandoverDetail['customers'][number];
export type HandoverStatus = HandoverCustomer['status'];

interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type ResignedCustomerPage = PageOf<ResignedCustomerRow>;
export type ResignedGroupPage = PageOf<ResignedGroupRow>;
export type HandoverRecordPage = PageOf<HandoverRecord>;

/** 在职继承's 转接提示语: the contract's SUCCESS_MSG_MAX, checked in the form first; the api checks it again. */
export const SUCCESS_MSG_MAX = 200;
export const SUCCESS_MSG_TOO_LONG = `转接提示语最多${SUCCESS_MSG_MAX}字`;

/** The 离职继承 list's query; unset filters are left out. */
export interface ResignedFilters {
  handoverUserid?: string;
  dimissionFrom?: string;
  dimissionTo?: string;
}

/** Each customer's status in Chinese (待发起 until WeCom has answered the transfer call). */
export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, string> = {
  pending: '待发起',
  waiting: '等待接替',
  done: '已接替',
  refused: '客户拒绝',
  limit: '接替成员客户数已达上限',
  rejected: '失败',
};

/** The status as the result view shows it: a refused start names WeCom's errcode. */
export function statusText(customer: Pick<HandoverCustomer, 'status' | 'errcode'>): string {
  const label = HANDOVER_STATUS_LABELS[customer.status];
  return customer.status === 'rejected' && customer.errcode !== null
    ? `${label}（企业微信错误码 ${customer.errcode}）`
    : label;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The filter bar as the list's query: empty fields are left out, the 离职日期 range becomes whole days. */
export function toResignedFilters(form: { handoverUserid: string | null; range: Date[] }): ResignedFilters {
  const filters: ResignedFilters = {};
  if (form.handoverUserid) filters.handoverUserid = form.handoverUserid;
  if (form.range.length === 2) {
    filters.dimissionFrom = day(form.range[0]);
    filters.dimissionTo = day(form.range[1]);
  }
  return filters;
}

export function resignedFilterParams(filters: ResignedFilters): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filters)) if (value) params = params.set(name, value);
  return params;
}

/**
 * 分配 of resigned members' customers and groups: a handover has one 原跟进成员, so the chosen rows become one
 * request per member (their customers and the groups they owned), in the order the members first appear.
 */
export function resignedHandoverRequests(
  rows: readonly ResignedCustomerRow[],
  takeoverUserid: string,
  groups: readonly ResignedGroupRow[] = [],
): HandoverInput[] {
  const byMember = new Map<string, { externalUserids: string[]; chatIds: string[] }>();
  const of = (userid: string) => {
    const found = byMember.get(userid) ?? { externalUserids: [], chatIds: [] };
    byMember.set(userid, found);
    return found;
  };
  for (const row of rows) of(row.handoverUserid).externalUserids.push(row.externalUserid);
  for (const group of groups) of(group.handoverUserid).chatIds.push(group.chatId);
  return [...byMember].map(([handoverUserid, chosen]) => ({
    kind: 'resigned',
    handoverUserid,
    takeoverUserid,
    ...chosen,
  }));
}

/** What a 分配 hands over, in words: 「2 位客户、1 个客户群」. */
export function describeChoice(customers: number, groups: number): string {
  return [customers ? `${customers} 位客户` : '', groups ? `${groups} 个客户群` : '']
    .filter(Boolean)
    .join('、');
}

/** 在职继承's request: the member's chosen customers and groups to the successor, with the 转接提示语 when typed. */
export function onjobHandoverRequest(form: {
  handoverUserid: string;
  takeoverUserid: string;
  externalUserids: readonly string[];
  chatIds: readonly string[];
  successMsg: string;
}): HandoverInput {
  const successMsg = form.successMsg.trim();
  return {
    kind: 'onjob',
    handoverUserid: form.handoverUserid,
    takeoverUserid: form.takeoverUserid,
    externalUserids: [...form.externalUserids],
    chatIds: [...form.chatIds],
    ...(successMsg ? { successMsg } : {}),
  };
}

/** 在职继承's customer filters: the 客户 list's keyword, 客户标签 and 添加时间, within the chosen member's. */
export interface OnjobCustomerFilters {
  /** The 原跟进成员; nothing is listed until one is chosen. */
  owner: string | null;
  keyword: string;
  tagIds: string[];
  addedRange: [Date, Date] | null;
}

export const EMPTY_ONJOB_FILTERS: OnjobCustomerFilters = {
  owner: null,
  keyword: '',
  tagIds: [],
  addedRange: null,
};

/**
 * The 客户 list's own query (GET /api/customers) for 在职继承: the customers the member follows (添加人: any of
 * their relations can be transferred, as the api checks), narrowed by the list's filters.
 */
export function onjobCustomerQuery(
  filters: OnjobCustomerFilters & { owner: string },
  page: number,
  pageSize: number,
): CustomerQuery {
  return {
    ...EMPTY_FILTER,
    adderUserids: [filters.owner],
    keyword: filters.keyword.trim(),
    tagIds: filters.tagIds,
    addedRange: filters.addedRange,
    page,
    pageSize,
  };
}

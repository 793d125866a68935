import { CustomerFilter, CustomerQuery, StaffRef } from './customer.models';

/** How many 添加人 the list shows before "..." (R-3.1.1-12). */
export const ADDERS_SHOWN = 3;

/** 添加人 joined by "、", at most 3 then "..." (R-3.1.1-12); the detail shows them all (I-46). */
export function describeAdders(adders: readonly StaffRef[], limit: number = ADDERS_SHOWN): string {
  if (adders.length === 0) return '-';
  const shown = adders
    .slice(0, limit)
    .map((adder) => adder.name)
    .join('、');
  return adders.length > limit ? `${shown}...` : shown;
}

/** Empty values show as "-" (R-0-05). */
export function orDash(value: string | null | undefined): string {
  return value ? value : '-';
}

/** The pager's total: "共 N 条", or "10000+" when the server stopped counting. */
export function describeTotal(total: number, capped: boolean): string {
  return capped ? `共 ${total}+ 条` : `共 ${total} 条`;
}

/** A China-time calendar day for the api's date filters. */
export function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The filter as the api's query string: only what is set, lists comma-joined. */
export function filterParams(filter: CustomerFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.keyword) params['keyword'] = filter.keyword;
  if (filter.corpName) params['corpName'] = filter.corpName;
  if (filter.adderUserids.length) params['adderUserids'] = filter.adderUserids.join(',');
  if (filter.ownerUserids.length) params['ownerUserids'] = filter.ownerUserids.join(',');
  if (filter.addedRange) {
    params['addedFrom'] = toDay(filter.addedRange[0]);
    params['addedTo'] = toDay(filter.addedRange[1]);
  }
  if (filter.lastContactRange) {
    params['lastContactFrom'] = toDay(filter.lastContactRange[0]);
    params['lastContactTo'] = toDay(filter.lastContactRange[1]);
  }
  if (filter.source) params['source'] = filter.source;
  if (filter.tagIds.length) {
    params['tagIds'] = filter.tagIds.join(',');
    params['tagMatch'] = filter.tagMatch;
  }
  return params;
}

/** The same filter as the JSON body of "打标签 all matching" (the api's filter schema). */
export function filterBody(filter: CustomerFilter): Record<string, unknown> {
  const { adderUserids, ownerUserids, tagIds, tagMatch, ...rest } = filterParams(filter);
  const split = (value: string | undefined) => (value ? value.split(',') : undefined);
  return {
    ...rest,
    adderUserids: split(adderUserids),
    ownerUserids: split(ownerUserids),
    tagIds: split(tagIds),
    tagMatch,
  };
}

export function queryParams(query: CustomerQuery): Record<string, string> {
  return { page: String(query.page), pageSize: String(query.pageSize), ...filterParams(query) };
}

export const EMPTY_FILTER: CustomerFilter = {
  keyword: '',
  corpName: '',
  adderUserids: [],
  ownerUserids: [],
  addedRange: null,
  lastContactRange: null,
  source: '',
  tagIds: [],
  tagMatch: 'any',
};

/** What the 打标签 result says (I-43): done, still writing to WeCom, or what WeCom refused. */
export function describeTaggingJob(job: {
  status: 'running' | 'completed';
  customers: number;
  failures: unknown[];
}): string {
  if (job.status === 'running') return `已为 ${job.customers} 位客户保存标签，正在同步到企业微信…`;
  if (job.failures.length === 0) return `已为 ${job.customers} 位客户打标签，并已同步到企业微信`;
  return `已为 ${job.customers} 位客户打标签；${job.failures.length} 个成员关系同步到企业微信失败`;
}

import type { estypes } from '@elastic/elasticsearch';
import type { StaffScope } from '../access/data-scope';
import type { CustomerLossFilter, CustomerLossListQuery } from '../contracts/customer-losses.contract';
import { CustomerLossModel, type CustomerLossKind } from '../models/customer-loss.model';
import { esDayRange } from './es-day-range';
import {
  keyedReadModel,
  scanListRows,
  searchListPage,
  countListRows,
  type ListSearch,
} from './list-read-model';

/**
 * The 流失客户 read model (issue 19 item 3): one document per loss with the list's filters (member, kind,
 * 流失时间, tags) and the row itself; the overview counts losses of a period from it. Written where losses
 * are recorded (lib/customer-losses/record-customer-loss.ts) through writeListRows.
 */
export const CUSTOMER_LOSS_INDEX_VERSION = 1;

export interface CustomerLossSource {
  _id: string;
  tenantId: string;
  externalUserid: string;
  userid: string;
  kind: CustomerLossKind;
  lostAt: Date;
  customerName?: string | null;
  tagIds?: string[] | null;
  lastChatAt?: Date | null;
  createdAt?: Date | null;
}

/** The row as the index stores it, dates as ISO strings; names are looked up per page. */
export interface CustomerLossRow {
  id: string;
  externalUserid: string;
  customerName: string;
  userid: string;
  kind: CustomerLossKind;
  lostAt: string;
  tagIds: string[];
  lastChatAt: string | null;
}

export function toCustomerLossDocument(loss: CustomerLossSource) {
  const row: CustomerLossRow = {
    id: loss._id,
    externalUserid: loss.externalUserid,
    customerName: loss.customerName ?? '',
    userid: loss.userid,
    kind: loss.kind,
    lostAt: loss.lostAt.toISOString(),
    tagIds: loss.tagIds ?? [],
    lastChatAt: loss.lastChatAt?.toISOString() ?? null,
  };
  return {
    tenantId: loss.tenantId,
    lossId: loss._id,
    userid: loss.userid,
    kind: loss.kind,
    lostAt: row.lostAt,
    tagIds: row.tagIds,
    row,
  };
}

export const customerLossReadModel = keyedReadModel<CustomerLossSource>({
  kind: 'customer-losses',
  version: CUSTOMER_LOSS_INDEX_VERSION,
  sort: { field: ['lostAt', 'lossId'], order: ['desc', 'desc'] },
  properties: {
    tenantId: { type: 'keyword' },
    lossId: { type: 'keyword' },
    userid: { type: 'keyword' },
    kind: { type: 'keyword' },
    lostAt: { type: 'date' },
    tagIds: { type: 'keyword' },
    row: { type: 'object', enabled: false },
  },
  rows: CustomerLossModel,
  key: '_id',
  // A loss is written once and never changed.
  versionOf: (loss) => (loss.createdAt ?? loss.lostAt).getTime(),
  toDocument: toCustomerLossDocument,
});

type Query = estypes.QueryDslQueryContainer;

/** The list's filters inside the caller's 数据权限 (losses of members in scope). */
export function customerLossSearchQuery(
  tenantId: string,
  scope: StaffScope,
  filter: CustomerLossFilter,
): Query {
  const must: Query[] = [{ term: { tenantId } }];
  if (!scope.all) must.push({ terms: { userid: scope.userids } });
  if (filter.userid) must.push({ term: { userid: filter.userid } });
  if (filter.kind !== 'all') must.push({ term: { kind: filter.kind } });
  if (filter.tagId) must.push({ term: { tagIds: filter.tagId } });
  const days = esDayRange('lostAt', filter.from, filter.to);
  if (days) must.push(days);
  return { bool: { filter: must } };
}

const NEWEST_FIRST: estypes.Sort = [{ lostAt: { order: 'desc' } }, { lossId: { order: 'desc' } }];

export function searchCustomerLossRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  query: CustomerLossListQuery,
): Promise<{ rows: CustomerLossRow[]; total: number }> {
  return searchListPage<CustomerLossSource, CustomerLossRow>(search, customerLossReadModel, {
    query: customerLossSearchQuery(tenantId, scope, query),
    sort: NEWEST_FIRST,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** Every row the filter matches, in list order, `size` at a time (the export). */
export async function* allCustomerLossRows(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  filter: CustomerLossFilter,
  size: number,
): AsyncGenerator<CustomerLossRow[]> {
  const batches = scanListRows<CustomerLossSource, { row: CustomerLossRow }>(search, customerLossReadModel, {
    query: customerLossSearchQuery(tenantId, scope, filter),
    sort: NEWEST_FIRST,
    size,
  });
  for await (const batch of batches) yield batch.map((doc) => doc.row);
}

/** 流失客户 of a period (China days, both included) within the scope: the overview's figure. */
export function countCustomerLosses(
  search: ListSearch,
  tenantId: string,
  scope: StaffScope,
  from: string,
  to: string,
): Promise<number> {
  return countListRows(
    search,
    customerLossReadModel,
    customerLossSearchQuery(tenantId, scope, { kind: 'all', from, to }),
  );
}

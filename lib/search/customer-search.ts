import type { StaffScope } from '../access/data-scope';
import type { CustomerFilter } from '../contracts/customer.contract';
import type { CustomerListDocument } from '../customers/customer-row';
import { customerRowFromIndex, type CustomerSearchDocument } from './customer-index';
import { CUSTOMER_SEARCH_SORT, customerSearchQuery } from './customer-search-query';
import { withCustomerIndex, type CustomerSearch } from './customer-search-context';

/**
 * A page of the 客户列表 (R-3.1.1-06: 添加时间 newest first) from the index alone, with the count exact up to
 * `countUpTo`.
 */
export async function searchCustomerRows(
  search: CustomerSearch,
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
  window: { from: number; size: number; countUpTo: number },
): Promise<{ rows: CustomerListDocument[]; total: number }> {
  const result = await withCustomerIndex(search, () =>
    search.es.search<Pick<CustomerSearchDocument, 'row'>>({
      index: search.names.alias,
      query: customerSearchQuery(tenantId, filter, scope),
      sort: CUSTOMER_SEARCH_SORT,
      from: window.from,
      size: window.size,
      track_total_hits: window.countUpTo,
      _source: ['row'],
    }),
  );
  return {
    rows: result.hits.hits.flatMap((hit) => (hit._source ? [customerRowFromIndex(hit._source.row)] : [])),
    total: totalOf(result.hits.total),
  };
}

/**
 * The customers (MongoDB _ids, in list order) a filter matches in the caller's 数据权限, and how many, counted
 * exactly up to `countUpTo`. The list and 全选 tagging both call this, so they never disagree.
 */
export async function searchCustomerIds(
  search: CustomerSearch,
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
  window: { from: number; size: number; countUpTo: number },
): Promise<{ ids: string[]; total: number }> {
  const result = await withCustomerIndex(search, () =>
    search.es.search({
      index: search.names.alias,
      query: customerSearchQuery(tenantId, filter, scope),
      sort: CUSTOMER_SEARCH_SORT,
      from: window.from,
      size: window.size,
      track_total_hits: window.countUpTo,
      _source: false,
    }),
  );
  return {
    ids: result.hits.hits.flatMap((hit) => (hit._id ? [hit._id] : [])),
    total: totalOf(result.hits.total),
  };
}

function totalOf(total: number | { value: number } | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

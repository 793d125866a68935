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
  window: SearchWindow,
): Promise<{ rows: CustomerListDocument[]; total: number }> {
  const result = await searchWindow<Pick<CustomerSearchDocument, 'row'>>(search, tenantId, filter, scope, {
    ...window,
    source: ['row'],
  });
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
  window: SearchWindow,
): Promise<{ ids: string[]; total: number }> {
  const result = await searchWindow(search, tenantId, filter, scope, { ...window, source: false });
  return {
    ids: result.hits.hits.flatMap((hit) => (hit._id ? [hit._id] : [])),
    total: totalOf(result.hits.total),
  };
}

interface SearchWindow {
  from: number;
  size: number;
  countUpTo: number;
}

/** The customers a filter matches in the caller's 数据权限, in list order: the window asked for, and its fields. */
function searchWindow<Doc>(
  search: CustomerSearch,
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
  window: SearchWindow & { source: string[] | false },
) {
  return withCustomerIndex(search, () =>
    search.es.search<Doc>({
      index: search.names.alias,
      query: customerSearchQuery(tenantId, filter, scope),
      sort: CUSTOMER_SEARCH_SORT,
      from: window.from,
      size: window.size,
      track_total_hits: window.countUpTo,
      _source: window.source,
    }),
  );
}

function totalOf(total: number | { value: number } | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

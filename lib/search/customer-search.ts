import type { StaffScope } from '../access/data-scope';
import type { CustomerFilter } from '../contracts/customer.contract';
import { CUSTOMER_SEARCH_SORT, customerSearchQuery } from './customer-search-query';
import { readCustomerSearch } from './customer-search-runtime';

/**
 * The customers (MongoDB _ids, in list order) a filter matches in the caller's 数据权限, and how many, counted
 * exactly up to `countUpTo`. The list and 全选 tagging both call this, so they never disagree.
 */
export async function searchCustomerIds(
  tenantId: string,
  filter: Partial<CustomerFilter>,
  scope: StaffScope,
  window: { from: number; size: number; countUpTo: number },
): Promise<{ ids: string[]; total: number }> {
  const result = await readCustomerSearch((search) =>
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
  const total = result.hits.total;
  return {
    ids: result.hits.hits.flatMap((hit) => (hit._id ? [hit._id] : [])),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
  };
}

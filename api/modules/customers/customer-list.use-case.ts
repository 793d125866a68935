import { RESULT_WINDOW } from '../../../lib/contracts/common.contract';
import type { CustomerListQuery } from '../../../lib/contracts/customer.contract';
import { toCustomerRow } from '../../../lib/customers/customer-row';
import { searchCustomerRows } from '../../../lib/search/customer-search';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { namesFor } from './customer-names';
import { whileSearchReachable } from './search-unavailable';

/**
 * Counting stops here: an exact count of a million matching rows is a scan on every page turn, while nobody
 * pages past 500 pages of 20. Beyond it the list says "10000+", and the pager goes as far as the count.
 */
export const CUSTOMER_TOTAL_CAP = RESULT_WINDOW;

/**
 * 客户列表: one page, newest added first, served by the customer search index (fast for every filter
 * and the fuzzy search at a million customers), with names from one batched lookup. The index follows every
 * customer write within about a second (its refresh), or once it is reachable again after an outage.
 */
export async function listCustomers(
  caller: Caller,
  query: CustomerListQuery,
  { customerSearch }: Pick<AppContext, 'customerSearch'>,
) {
  const { tenantId } = caller;
  const scope = await caller.scope();
  const from = (query.page - 1) * query.pageSize;
  const found = await whileSearchReachable(() =>
    searchCustomerRows(customerSearch, tenantId, query, scope, {
      from,
      size: query.pageSize,
      countUpTo: CUSTOMER_TOTAL_CAP + 1,
    }),
  );
  const docs = found.rows;
  const names = await namesFor(
    tenantId,
    docs.flatMap((doc) => doc.adderUserids ?? []),
    docs.flatMap((doc) => doc.tagIds ?? []),
  );
  return {
    items: docs.map((doc) => toCustomerRow(doc, names.staffName, names.tagName)),
    total: Math.min(found.total, CUSTOMER_TOTAL_CAP),
    totalCapped: found.total > CUSTOMER_TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

import type { StaffScope } from '../../../lib/access/data-scope';
import type { CustomerListQuery } from '../../../lib/contracts/customer.contract';
import { CUSTOMER_LIST_SORT, customerListFilter } from '../../../lib/customers/customer-list-filter';
import {
  CUSTOMER_LIST_PROJECTION,
  toCustomerRow,
  type CustomerListDocument,
} from '../../../lib/customers/customer-row';
import { CustomerModel } from '../../../lib/models/customer.model';
import { namesFor } from './customer-names';

/**
 * Counting stops here: an exact count of a million matching rows is a scan on every page turn, while nobody
 * pages past 500 pages of 20. Beyond it the list says "10000+" and the pager still works.
 */
export const CUSTOMER_TOTAL_CAP = 10_000;

/** 客户列表: one page, newest added first, with names from one batched lookup. */
export async function listCustomers(tenantId: string, query: CustomerListQuery, scope: StaffScope) {
  const filter = customerListFilter(tenantId, query, scope);
  const [docs, counted] = await Promise.all([
    CustomerModel.find(filter, CUSTOMER_LIST_PROJECTION)
      .sort(CUSTOMER_LIST_SORT)
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<CustomerListDocument[]>(),
    CustomerModel.countDocuments(filter, { limit: CUSTOMER_TOTAL_CAP + 1 }),
  ]);
  const names = await namesFor(
    tenantId,
    docs.flatMap((doc) => doc.adderUserids ?? []),
    docs.flatMap((doc) => doc.tagIds ?? []),
  );
  return {
    items: docs.map((doc) => toCustomerRow(doc, names.staffName, names.tagName)),
    total: Math.min(counted, CUSTOMER_TOTAL_CAP),
    totalCapped: counted > CUSTOMER_TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

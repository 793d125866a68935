import {
  CUSTOMER_COLUMNS,
  DEFAULT_CUSTOMER_COLUMNS,
  type CustomerColumnKey,
} from '../../../lib/contracts/customer.contract';
import { CustomerListColumnsModel } from '../../../lib/models/customer-list-columns.model';

const KNOWN = new Set<string>(CUSTOMER_COLUMNS.map((column) => column.key));

/** The caller's columns (R-3.1.1-05), or the manual's default (I-39) until they choose. */
export async function customerColumnsOf(tenantId: string, staffId: string) {
  const saved = await CustomerListColumnsModel.findOne({ tenantId, _id: staffId }).lean();
  // A column dropped in a later version is ignored rather than breaking the page.
  const columns = (saved?.columns.filter((key) => KNOWN.has(key)) as CustomerColumnKey[] | undefined) ?? [];
  return {
    columns: columns.length ? columns : DEFAULT_CUSTOMER_COLUMNS,
    available: CUSTOMER_COLUMNS.map(({ key, label }) => ({ key, label })),
  };
}

export async function saveCustomerColumns(tenantId: string, staffId: string, columns: CustomerColumnKey[]) {
  await CustomerListColumnsModel.updateOne(
    { tenantId, _id: staffId },
    { $set: { columns } },
    { upsert: true },
  );
  return customerColumnsOf(tenantId, staffId);
}

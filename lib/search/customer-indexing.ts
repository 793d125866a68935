import type { Client } from '@elastic/elasticsearch';
import type { Types } from 'mongoose';
import { customersById } from '../customers/customers-by-id';
import {
  CUSTOMER_SEARCH_SOURCE_FIELDS,
  customerSearchVersion,
  toCustomerSearchDocument,
  type CustomerSearchSource,
} from './customer-index';

/** Writes should not wait long on a search index that is down: the outbox keeps what failed. */
export const SEARCH_WRITE_OPTIONS = { requestTimeout: 10_000, maxRetries: 1 } as const;

/**
 * Indexes customers as read from MongoDB, in one bulk request, versioned by their updatedAt. A version
 * conflict means a newer copy is there already, which is what we want; any other failure throws, so the
 * caller keeps the ids for later. Writes go through the alias only (`require_alias`): an index wiped by hand
 * is never recreated with a guessed mapping.
 */
export async function indexCustomerSources(
  es: Client,
  alias: string,
  customers: readonly CustomerSearchSource[],
  removedIds: readonly string[] = [],
  refresh: 'wait_for' | false = false,
): Promise<void> {
  if (customers.length === 0 && removedIds.length === 0) return;
  const operations: unknown[] = [];
  for (const customer of customers) {
    operations.push(
      {
        index: {
          _index: alias,
          _id: customer._id.toString(),
          version: customerSearchVersion(customer),
          version_type: 'external',
        },
      },
      toCustomerSearchDocument(customer),
    );
  }
  for (const id of removedIds) operations.push({ delete: { _index: alias, _id: id } });
  const result = await es.bulk(
    { operations: operations as never, refresh, require_alias: true },
    SEARCH_WRITE_OPTIONS,
  );
  if (!result.errors) return;
  const failures = result.items
    .map((item) => item.index ?? item.delete)
    .filter(
      (item) => item?.error && item.status !== 409 && !(item.status === 404 && item.result === 'not_found'),
    );
  if (failures.length > 0) {
    const first = failures[0]?.error;
    throw new Error(`search index refused ${failures.length} customers: ${first?.type}: ${first?.reason}`);
  }
}

/**
 * Reads the given customers from MongoDB and indexes them; ids no longer in MongoDB leave the index.
 * `wait_for` returns once the change is searchable (for a user who reloads the list right after).
 */
export async function indexCustomersById(
  es: Client,
  alias: string,
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
  refresh: 'wait_for' | false = false,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await customersById<CustomerSearchSource>(tenantId, ids, {
    ...CUSTOMER_SEARCH_SOURCE_FIELDS,
  });
  const removed = [...new Set(ids.map(String))].filter((id) => !found.has(id));
  await indexCustomerSources(es, alias, [...found.values()], removed, refresh);
}

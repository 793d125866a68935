import type { Types } from 'mongoose';
import { customerReadModel } from './customer-index';
import type { CustomerSearch } from './customer-search-context';
import { writeListRows } from './list-read-model';

type CustomerId = Types.ObjectId | string;

/**
 * Every MongoDB write of customers goes through `writeAndIndex`, so the search index follows it, durably
 * (writeListRows: the outbox rows first, then the write, then the index). It is injected into whatever writes
 * customers, so that no model hook reaches Elasticsearch behind a writer's back.
 */
export interface CustomerIndexer {
  writeAndIndex<T>(
    tenantId: string,
    customerIds: readonly CustomerId[],
    write: () => Promise<T>,
    options?: { refresh?: 'wait_for' },
  ): Promise<T>;
}

export function createCustomerIndexer(search: CustomerSearch): CustomerIndexer {
  return {
    writeAndIndex: (tenantId, customerIds, write, options) =>
      writeListRows(search, customerReadModel, tenantId, customerIds.map(String), write, options),
  };
}

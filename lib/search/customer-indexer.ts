import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import type { Logger } from '../logger';
import { CustomerSearchOutboxModel } from '../models/customer-search-outbox.model';
import { withCustomerIndex, type CustomerSearch } from './customer-search-context';
import { indexCustomersById } from './customer-indexing';
import { wakeCustomerSearchOutbox } from './customer-search-workflows';

type CustomerId = Types.ObjectId | string;

/**
 * Every MongoDB write of customers goes through `writeAndIndex`, so the search index follows it: the outbox
 * rows first, then the write, then the index. A process killed after the write leaves its rows behind, and
 * the outbox drain (woken when the api or the worker starts) indexes those customers; an index that is down or
 * refuses leaves them too, and wakes the drain at once. The write itself never fails for the index's sake.
 */
export interface CustomerIndexer {
  writeAndIndex<T>(
    tenantId: string,
    customerIds: readonly CustomerId[],
    write: () => Promise<T>,
    options?: { refresh?: 'wait_for' },
  ): Promise<T>;
}

export function createCustomerIndexer(search: CustomerSearch, log: Logger): CustomerIndexer {
  return {
    async writeAndIndex(tenantId, customerIds, write, options = {}) {
      if (customerIds.length === 0) return write();
      const markedAt = new Date();
      // Rows of this write only: a row is removed by the write that put it down, so a concurrent writer's
      // pending row for the same customer is never taken for ours.
      const writeId = randomUUID();
      await CustomerSearchOutboxModel.insertMany(
        customerIds.map((customerId) => ({ tenantId, customerId, writeId, markedAt })),
        { ordered: false },
      );
      const result = await write();
      try {
        await withCustomerIndex(search, () =>
          indexCustomersById(search.es, search.names.alias, tenantId, customerIds, options.refresh ?? false),
        );
        await CustomerSearchOutboxModel.deleteMany({ tenantId, writeId });
      } catch (error) {
        log.warn(
          { tenantId, customers: customerIds.length, err: error },
          'customer search index not updated; kept in the outbox',
        );
        // A lost wake-up is not lost work: the api's and the worker's starts wake every tenant with rows.
        await wakeCustomerSearchOutbox(search.temporal, search.taskQueue, tenantId).catch(
          (wakeError: unknown) =>
            log.warn({ tenantId, err: wakeError }, 'customer search outbox drain not woken'),
        );
      }
      return result;
    },
  };
}

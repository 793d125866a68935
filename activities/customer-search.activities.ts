import { bulkWriteInSlices } from '../lib/db/bulk-write-in-slices';
import { CustomerModel } from '../lib/models/customer.model';
import { CustomerSearchOutboxModel } from '../lib/models/customer-search-outbox.model';
import {
  CUSTOMER_SEARCH_SOURCE_FIELDS,
  type CustomerIndexNames,
  type CustomerSearchSource,
} from '../lib/search/customer-index';
import { markCustomerIndexRebuilt } from '../lib/search/customer-index-lifecycle';
import { indexCustomersById, indexCustomerSources } from '../lib/search/customer-indexing';
import {
  ensureCustomerSearchIndex,
  withCustomerIndex,
  type CustomerSearch,
} from '../lib/search/customer-search-context';
import { heartbeatOrStop } from './cancellation-checkpoint';

const OUTBOX_BATCH = 500;
const REBUILD_BATCH = 1_000;

export function createCustomerSearchActivities(deps: { search: CustomerSearch }) {
  return {
    /**
     * Indexes the tenant's customers waiting in the outbox, a batch at a time, until none is left: each is read
     * from MongoDB as it is now, so the rows read are done once indexed (a write after our read puts its own
     * row down). An index still unreachable throws, so Temporal retries later.
     */
    async drainCustomerSearchOutbox(input: { tenantId: string }): Promise<{ indexed: number }> {
      const { tenantId } = input;
      let indexed = 0;
      for (;;) {
        const rows = await CustomerSearchOutboxModel.find({ tenantId }).limit(OUTBOX_BATCH).lean();
        if (rows.length === 0) return { indexed };
        await withCustomerIndex(deps.search, () =>
          indexCustomersById(
            deps.search.es,
            deps.search.names.alias,
            tenantId,
            rows.map((row) => row.customerId),
          ),
        );
        await bulkWriteInSlices(
          CustomerSearchOutboxModel,
          rows.map((row) => ({ deleteOne: { filter: { _id: row._id, tenantId } } })),
          { ordered: false },
        );
        indexed += rows.length;
        heartbeatOrStop(indexed);
      }
    },

    /**
     * Refills the index from MongoDB: one pass over every customer in _id order (a single cursor: on FerretDB
     * any other filter would scan per batch), indexed with their updatedAt as version, so writes indexed
     * meanwhile are never replaced by older copies. A retry starts over, which the versions make harmless.
     */
    async rebuildCustomerSearchIndex(names: CustomerIndexNames): Promise<{ indexed: number }> {
      await ensureCustomerSearchIndex(deps.search);
      const began = new Date();
      const cursor = CustomerModel.find({}, CUSTOMER_SEARCH_SOURCE_FIELDS)
        .setOptions({ crossTenant: true })
        .lean<CustomerSearchSource[]>()
        .cursor({ batchSize: REBUILD_BATCH });
      let batch: CustomerSearchSource[] = [];
      let indexed = 0;
      const flush = async () => {
        await indexCustomerSources(deps.search.es, names.alias, batch);
        indexed += batch.length;
        batch = [];
        heartbeatOrStop(indexed);
      };
      for await (const customer of cursor) {
        batch.push(customer);
        if (batch.length >= REBUILD_BATCH) await flush();
      }
      await flush();
      await markCustomerIndexRebuilt(deps.search.es, names, began);
      return { indexed };
    },
  };
}

export type CustomerSearchActivities = ReturnType<typeof createCustomerSearchActivities>;

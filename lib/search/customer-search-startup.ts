import { CustomerSearchOutboxModel } from '../models/customer-search-outbox.model';
import type { Logger } from '../logger';
import { customerIndexNeedsRebuild } from './customer-index-lifecycle';
import { ensureCustomerSearchIndex, type CustomerSearch } from './customer-search-context';
import { startCustomerSearchRebuild, wakeCustomerSearchOutbox } from './customer-search-workflows';

/**
 * At worker start: the customer index exists and has been filled from MongoDB (else a refill starts), and
 * every tenant with customers still waiting in the outbox has its drain running. Failures are logged, not
 * fatal: the worker has other work, and the next start (or the next write) tries again.
 */
export async function prepareCustomerSearch(search: CustomerSearch, log: Logger): Promise<void> {
  try {
    await ensureCustomerSearchIndex(search);
    if (await customerIndexNeedsRebuild(search.es, search.names)) {
      await startCustomerSearchRebuild(search.temporal, search.taskQueue, search.names);
    }
  } catch (error) {
    log.warn({ err: error }, 'customer search index not checked at start');
  }
  await wakeCustomerSearchOutboxes(search, log);
}

/**
 * At api and worker start: the writes a killed process left in the outbox (written to MongoDB, maybe not
 * indexed) are drained. Rows of writes other processes have in flight are drained too, which is harmless:
 * indexing a customer again indexes what MongoDB has.
 */
export async function wakeCustomerSearchOutboxes(search: CustomerSearch, log: Logger): Promise<void> {
  try {
    const tenants = (await CustomerSearchOutboxModel.distinct('tenantId', {}).setOptions({
      crossTenant: true,
    })) as string[];
    for (const tenantId of tenants)
      await wakeCustomerSearchOutbox(search.temporal, search.taskQueue, tenantId);
  } catch (error) {
    log.warn({ err: error }, 'customer search outbox not drained at start');
  }
}

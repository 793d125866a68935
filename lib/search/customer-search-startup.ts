import { CustomerSearchOutboxModel } from '../models/customer-search-outbox.model';
import type { Logger } from '../logger';
import { customerIndexNeedsRebuild } from './customer-index-lifecycle';
import { ensureCustomerSearchIndex, type CustomerSearch } from './customer-search-runtime';
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

import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { CustomerSearchActivities } from '../activities/customer-search.activities';
import {
  customerSearchPendingSignal,
  type CustomerSearchOutboxInput,
  type CustomerSearchRebuildInput,
} from './customer-search.contract';

// The index being down delays the drain, never drops it: retried without limit, at most a minute apart.
const { drainCustomerSearchOutbox } = proxyActivities<CustomerSearchActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { rebuildCustomerSearchIndex } = proxyActivities<CustomerSearchActivities>({
  startToCloseTimeout: '12 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * `customer-search-outbox/<tenant>`: drains the tenant's outbox, again while wake-ups keep coming, then ends.
 * The outbox lives in MongoDB, so a wake-up that never arrived is covered by the worker's start.
 */
export async function customerSearchOutboxWorkflow(input: CustomerSearchOutboxInput): Promise<void> {
  let pending = true;
  setHandler(customerSearchPendingSignal, () => {
    pending = true;
  });
  while (pending) {
    pending = false;
    await drainCustomerSearchOutbox({ tenantId: input.tenantId });
  }
}

/** `customer-search-rebuild/<index>`: refills a new or wiped customer index from MongoDB. */
export async function customerSearchRebuildWorkflow(names: CustomerSearchRebuildInput): Promise<void> {
  await rebuildCustomerSearchIndex(names);
}

import { defineSignal } from '@temporalio/workflow';

/** The customer search index's workflows' inputs and signal (customer-search.workflow.ts). */
export interface CustomerSearchOutboxInput {
  tenantId: string;
}

/** The alias and the index to refill. */
export interface CustomerSearchRebuildInput {
  alias: string;
  index: string;
}

/** "More customers are waiting in the outbox": sent with signalWithStart by whoever failed to index. */
export const customerSearchPendingSignal = defineSignal('customerSearchPending');

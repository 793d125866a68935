import { defineSignal } from '@temporalio/workflow';

/** customerEventsWorkflow's input and signal (customer-events.workflow.ts), shared with the callback receiver. */
export interface CustomerEventsInput {
  tenantId: string;
  /** Inbox keys not yet applied, carried across continueAsNew. */
  pending: string[];
}

/** Sent by the api after a 客户联系 callback is stored in the inbox. */
export const customerEventSignal = defineSignal<[{ inboxKey: string }]>('customerEvent');

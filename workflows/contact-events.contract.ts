import { defineSignal } from '@temporalio/workflow';

/** contactEventsWorkflow's input and signal (contact-events.workflow.ts), shared with the callback receiver. */
export interface ContactEventsInput {
  tenantId: string;
  /** Inbox keys not yet applied, carried across continueAsNew. */
  pending: string[];
}

/** Sent by the api after a change_contact callback is stored in the inbox. */
export const contactEventSignal = defineSignal<[{ inboxKey: string }]>('contactEvent');

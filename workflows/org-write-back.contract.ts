import { defineSignal } from '@temporalio/workflow';

/** orgWriteBackWorkflow's input and signal (org-write-back.workflow.ts), shared with the api. */
export interface OrgWriteBackInput {
  tenantId: string;
  /** Wake-ups received but not yet acted on, carried across continueAsNew. */
  wakeUps?: number;
}

/** Sent by the api after it saved an org edit: "there is something new to write back". */
export const orgChangeSignal = defineSignal('orgChange');

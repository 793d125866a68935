import { defineSignal } from '@temporalio/workflow';

/** staffCodeSyncWorkflow's input and signal (staff-code-sync.workflow.ts), shared with the api. */
export interface StaffCodeSyncInput {
  tenantId: string;
  codeId: string;
}

/** Sent by the api after each save or delete of the code (signalWithStart). */
export const staffCodeChangedSignal = defineSignal('staffCodeChanged');

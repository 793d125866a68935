import { defineSignal } from '@temporalio/workflow';

/** groupWelcomeTemplateWorkflow's input and signal (group-welcome-template.workflow.ts), shared with the api. */
export interface GroupWelcomeTemplateInput {
  tenantId: string;
  welcomeId: string;
}

/** Sent by the api after each save or delete of the template (signalWithStart). */
export const groupWelcomeChangedSignal = defineSignal('groupWelcomeChanged');

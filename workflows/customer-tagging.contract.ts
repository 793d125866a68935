/** customerTaggingWorkflow's input (customer-tagging.workflow.ts): the job row holds the rest. */
export interface CustomerTaggingInput {
  tenantId: string;
  jobId: string;
}

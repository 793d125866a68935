/** archiveConsentSyncWorkflow's input and result (archive-consent.workflow.ts), shared with its starters. */
export interface ArchiveConsentInput {
  tenantId: string;
}

export interface ArchiveConsentSummary {
  staff: number;
  checked: number;
  dropped: number;
  idleReason?: string;
}

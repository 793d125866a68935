/** archiveIngestWorkflow's input and result (archive-ingest.workflow.ts), shared with its starters. */
export interface ArchiveIngestInput {
  tenantId: string;
  /** GetChatData's limit per batch (1–1000). */
  limit?: number;
  /** Carried across continueAsNew. */
  stored?: number;
}

export interface ArchiveIngestSummary {
  batches: number;
  stored: number;
  seq: number;
  idleReason?: string;
}

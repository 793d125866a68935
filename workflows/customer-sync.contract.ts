/** The customer-side syncs' inputs (customer-sync.workflow.ts), shared with their Schedules and 同步 buttons. */
export interface CustomerSideSyncInput {
  tenantId: string;
  trigger: 'manual' | 'schedule' | 'initial';
}

/** Where a long customer sync stands, carried across continueAsNew. */
export interface CustomerSyncProgress {
  startedAt: string;
  userids: string[];
  /** Index of the first member of the current batch of ≤100 in `userids`. */
  batchStart: number;
  cursor: string;
}

export interface CustomerSyncInput extends CustomerSideSyncInput {
  progress?: CustomerSyncProgress;
}

/**
 * The 同步 buttons' status, as every sync endpoint answers it (`syncStatusSchema` in lib/contracts/org.contract.ts,
 * extended for 客户 / 客户群 / 企业微信标签 in lib/contracts/customer-sync.contract.ts).
 */
export type SyncRunStatus = 'running' | 'completed' | 'failed';

export interface LastSync {
  finishedAt: string | null;
  count: number;
  status: SyncRunStatus;
  /** Why it failed; while running, why its last step failed before it runs again at `retryAt`. */
  error?: string | null;
  retryAt?: string | null;
}

/** GET of a sync endpoint (/api/org/sync, /api/customers/sync, /api/customer-groups/sync, /api/tags/sync). */
export interface SyncState {
  lastSync: LastSync | null;
  manualSyncsToday: number;
  nextManualSyncAt: string | null;
}

/** POST of a sync endpoint: 202. */
export interface SyncStarted {
  message: string;
  workflowId: string;
}

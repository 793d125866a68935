import type { SyncStatus, syncStartedSchema } from '@contracts/org.contract';
import type { z } from 'zod';

/**
 * The 同步 buttons' status, as every sync endpoint answers it (`syncStatusSchema` in lib/contracts/org.contract.ts,
 * shared by 客户 / 客户群 / 企业微信标签 in lib/contracts/customer-sync.contract.ts).
 * GET of a sync endpoint (/api/org/sync, /api/customers/sync, /api/customer-groups/sync, /api/tags/sync).
 */
export type SyncState = SyncStatus;

/** The latest run: `error` says why it failed; while running, why its last step failed before `retryAt`. */
export type LastSync = NonNullable<SyncState['lastSync']>;
export type SyncRunStatus = LastSync['status'];

/** POST of a sync endpoint: 202 (the customer side's `CustomerSideSyncStarted` has the same shape). */
export type SyncStarted = z.infer<typeof syncStartedSchema>;

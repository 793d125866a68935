import type { SyncStatus } from '../contracts/org.contract';
import type { SyncRun } from '../models/sync-run.model';

/**
 * The latest run as the 同步 line shows it: when it finished and how, and why it failed or why it is
 * waiting to retry a step (and until when).
 */
export function lastSyncView(run: SyncRun | null): SyncStatus['lastSync'] {
  if (!run) return null;
  return {
    finishedAt: run.finishedAt?.toISOString() ?? null,
    count: run.count ?? 0,
    status: run.status as 'running' | 'completed' | 'failed',
    error: run.status === 'completed' ? null : (run.error ?? null),
    retryAt: run.status === 'running' ? (run.retryAt?.toISOString() ?? null) : null,
  };
}

import { SyncRunModel } from '../lib/models/sync-run.model';

/** Ends a run: completed with its count, or failed with why; a setback noted on the way no longer applies. */
export async function finishSyncRun(
  run: { tenantId: string; syncId: string; status: 'completed' | 'failed'; count: number; error?: string },
  finishedAt: Date,
): Promise<void> {
  const { tenantId, syncId, status, count, error } = run;
  await SyncRunModel.updateOne(
    { tenantId, _id: syncId },
    error
      ? { $set: { status, count, error, finishedAt }, $unset: { retryAt: 1 } }
      : { $set: { status, count, finishedAt }, $unset: { retryAt: 1, error: 1 } },
  );
}

/** What the org and customer-side syncs write about their own run beyond its start and end. */
export function createSyncRunActivities(now: () => Date = () => new Date()) {
  return {
    /**
     * A step failed for now and runs again at `retryAt`: the admin shows why next to 同步 and the health
     * panel counts it, while the run stays running.
     */
    async noteSyncSetback(input: {
      tenantId: string;
      syncId: string;
      reason: string;
      retryAt: string;
    }): Promise<void> {
      await SyncRunModel.updateOne(
        { tenantId: input.tenantId, _id: input.syncId },
        { $set: { error: input.reason, retryAt: new Date(input.retryAt), setbackAt: now() } },
      );
    },
  };
}

export type SyncRunActivities = ReturnType<typeof createSyncRunActivities>;

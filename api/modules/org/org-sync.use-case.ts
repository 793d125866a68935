import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { SyncStatus } from '../../../lib/contracts/org.contract';
import { SyncRunModel } from '../../../lib/models/sync-run.model';
import { lastSyncView } from '../../../lib/org/last-sync-view';
import { businessDay, decideManualSync, nextManualSyncAt } from '../../../lib/org/manual-sync-quota';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { orgSyncWorkflowId } from '../../../lib/temporal/workflow-ids';
import { conflict, tooManyRequests, unavailable } from '../../http/app-error';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';

// A run still "running" after this long has died with its workflow; it no longer blocks the button.
const RUNNING_GRACE_MS = 30 * 60 * 1000;

async function manualStartsToday(tenantId: string, now: Date): Promise<Date[]> {
  const runs = await SyncRunModel.find(
    { tenantId, kind: 'org', quotaDay: businessDay(now) },
    { startedAt: 1 },
  ).lean();
  return runs.map((run) => run.startedAt);
}

export async function getOrgSyncStatus(tenantId: string, now = new Date()): Promise<SyncStatus> {
  const [latest, starts] = await Promise.all([
    SyncRunModel.findOne({ tenantId, kind: 'org' }).sort({ startedAt: -1 }).lean(),
    manualStartsToday(tenantId, now),
  ]);
  const next = nextManualSyncAt(now, starts);
  return {
    lastSync: lastSyncView(latest),
    manualSyncsToday: starts.length,
    nextManualSyncAt: next?.toISOString() ?? null,
  };
}

/**
 * The 同步 button (R-7.1.2-02): checks the manual's quota, claims a quota slot atomically
 * (a unique index, so two clicks at once cannot both pass), then starts the same workflow
 * the schedule runs.
 */
export async function startManualOrgSync(
  temporal: { client: Client; taskQueue: string },
  tenantId: string,
  now = new Date(),
) {
  const running = await SyncRunModel.exists({
    tenantId,
    kind: 'org',
    status: 'running',
    startedAt: { $gt: new Date(now.getTime() - RUNNING_GRACE_MS) },
  });
  if (running) throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');

  const decision = decideManualSync(now, await manualStartsToday(tenantId, now));
  if (!decision.allowed) throw tooManyRequests(decision.reason, 'SYNC_QUOTA');

  const workflowId = orgSyncWorkflowId(tenantId, `manual-${decision.quotaDay}-${decision.quotaSlot}`);
  try {
    await SyncRunModel.create({
      _id: workflowId,
      tenantId,
      kind: 'org',
      trigger: 'manual',
      workflowId,
      status: 'running',
      startedAt: now,
      quotaDay: decision.quotaDay,
      quotaSlot: decision.quotaSlot,
    });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');
    throw error;
  }

  try {
    await startWorkflow(temporal.client.workflow, 'orgSyncWorkflow', {
      workflowId,
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, trigger: 'manual' }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'org-sync', tenantId),
    });
  } catch (error) {
    // Same id already running: the slot's sync is under way, so the click changes nothing.
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');
    // Give the quota slot back: the sync never started.
    await SyncRunModel.deleteOne({ tenantId, _id: workflowId });
    throw unavailable('同步服务暂不可用，请稍后再试', 'TEMPORAL_UNAVAILABLE');
  }
  return { message: '同步已开始，请稍候', workflowId };
}

import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CustomerSideSyncStatus } from '../../../lib/contracts/customer-sync.contract';
import { SyncRunModel } from '../../../lib/models/sync-run.model';
import { lastSyncView } from '../../../lib/org/last-sync-view';
import { businessDay, decideManualSync, nextManualSyncAt } from '../../../lib/org/manual-sync-quota';
import { CUSTOMER_SIDE_SYNCS, type CustomerSideSyncKind } from '../../../lib/temporal/customer-sync-schedule';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { customerSideSyncWorkflowId } from '../../../lib/temporal/workflow-ids';
import { conflict, tooManyRequests, unavailable } from '../../http/app-error';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';

// A run still "running" after this long has died with its workflow; it no longer blocks the button.
const RUNNING_GRACE_MS = 30 * 60 * 1000;

const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The manual's line under the 同步 button (R-3.2.1-02), in China time. */
export function lastSyncText(finishedAt: Date, count: number): string {
  return `最近更新：${chinaTime.format(finishedAt)}，同步 ${count} 条信息`;
}

async function manualStartsToday(tenantId: string, kind: CustomerSideSyncKind, now: Date): Promise<Date[]> {
  const runs = await SyncRunModel.find(
    { tenantId, kind, quotaDay: businessDay(now) },
    { startedAt: 1 },
  ).lean();
  return runs.map((run) => run.startedAt);
}

export async function getCustomerSideSyncStatus(
  tenantId: string,
  kind: CustomerSideSyncKind,
  now = new Date(),
): Promise<CustomerSideSyncStatus> {
  const [latest, lastCompleted, starts] = await Promise.all([
    SyncRunModel.findOne({ tenantId, kind }).sort({ startedAt: -1 }).lean(),
    SyncRunModel.findOne({ tenantId, kind, status: 'completed' }).sort({ startedAt: -1 }).lean(),
    manualStartsToday(tenantId, kind, now),
  ]);
  const next = nextManualSyncAt(now, starts);
  return {
    lastSync: lastSyncView(latest),
    lastSyncText: lastCompleted?.finishedAt
      ? lastSyncText(lastCompleted.finishedAt, lastCompleted.count ?? 0)
      : null,
    manualSyncsToday: starts.length,
    nextManualSyncAt: next?.toISOString() ?? null,
  };
}

/**
 * A 同步 button: checks the quota, claims its slot atomically (the slot is part of the run's `_id`, so two clicks
 * at once cannot both pass), then starts the workflow the Schedule runs.
 */
export async function startManualCustomerSideSync(
  temporal: { client: Client; taskQueue: string },
  tenantId: string,
  kind: CustomerSideSyncKind,
  now = new Date(),
): Promise<{ message: string; workflowId: string }> {
  const running = await SyncRunModel.exists({
    tenantId,
    kind,
    status: 'running',
    startedAt: { $gt: new Date(now.getTime() - RUNNING_GRACE_MS) },
  });
  if (running) throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');

  const decision = decideManualSync(now, await manualStartsToday(tenantId, kind, now));
  if (!decision.allowed) throw tooManyRequests(decision.reason, 'SYNC_QUOTA');

  const workflowId = customerSideSyncWorkflowId(
    kind,
    tenantId,
    `manual-${decision.quotaDay}-${decision.quotaSlot}`,
  );
  try {
    await SyncRunModel.create({
      _id: workflowId,
      tenantId,
      kind,
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
    await startWorkflow(temporal.client.workflow, CUSTOMER_SIDE_SYNCS[kind].workflowType, {
      workflowId,
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, trigger: 'manual' }],
      typedSearchAttributes: entitySearchAttributes(tenantId, `${kind}-sync`, tenantId),
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');
    // Give the quota slot back: the sync never started.
    await SyncRunModel.deleteOne({ tenantId, _id: workflowId });
    throw unavailable('同步服务暂不可用，请稍后再试', 'TEMPORAL_UNAVAILABLE');
  }
  return { message: '同步已开始，请稍候', workflowId };
}

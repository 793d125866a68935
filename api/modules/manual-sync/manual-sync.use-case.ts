import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SyncStatus } from '../../../lib/contracts/org.contract';
import { SyncRunModel, type SyncKind } from '../../../lib/models/sync-run.model';
import { lastSyncView } from '../../../lib/org/last-sync-view';
import { businessDay, decideManualSync, nextManualSyncAt } from '../../../lib/org/manual-sync-quota';
import { CUSTOMER_SIDE_SYNCS } from '../../../lib/temporal/customer-sync-schedule';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { startWorkflow } from '../../../lib/temporal/typed-workflows';
import { customerSideSyncWorkflowId, orgSyncWorkflowId } from '../../../lib/temporal/workflow-ids';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';
import { conflict, tooManyRequests, unavailable } from '../../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { isDuplicateKeyError } from '../../../lib/db/duplicate-key';

// A run still "running" after this long has died with its workflow; it no longer blocks the button.
const RUNNING_GRACE_MS = 30 * 60 * 1000;

/** What the audit log calls each button's sync. */
const SYNC_NAMES: Record<SyncKind, string> = {
  org: '组织架构同步',
  customers: '客户同步',
  'customer-groups': '客户群同步',
  'corp-tags': '企业微信标签同步',
};

/** The workflow a sync of each kind runs (the same its Schedule starts), and its id for a manual run. */
function syncWorkflow(kind: SyncKind, tenantId: string, runKey: string) {
  return kind === 'org'
    ? {
        workflowType: 'orgSyncWorkflow' as const,
        workflowId: orgSyncWorkflowId(tenantId, runKey),
        entity: 'org-sync',
      }
    : {
        workflowType: CUSTOMER_SIDE_SYNCS[kind].workflowType,
        workflowId: customerSideSyncWorkflowId(kind, tenantId, runKey),
        entity: `${kind}-sync`,
      };
}

async function manualStartsToday(tenantId: string, kind: SyncKind, now: Date): Promise<Date[]> {
  const runs = await SyncRunModel.find(
    { tenantId, kind, quotaDay: businessDay(now) },
    { startedAt: 1 },
  ).lean();
  return runs.map((run) => run.startedAt);
}

/** What a 同步 button shows: the latest run, and how many manual syncs are left today and from when. */
export async function manualSyncStatus(
  { tenantId }: Caller,
  { kind }: { kind: SyncKind },
  now = new Date(),
): Promise<SyncStatus> {
  const [latest, starts] = await Promise.all([
    SyncRunModel.findOne({ tenantId, kind }).sort({ startedAt: -1 }).lean(),
    manualStartsToday(tenantId, kind, now),
  ]);
  const next = nextManualSyncAt(now, starts);
  return {
    lastSync: lastSyncView(latest),
    manualSyncsToday: starts.length,
    nextManualSyncAt: next?.toISOString() ?? null,
  };
}

/**
 * Every 同步 button (组织架构 R-7.1.2-02, 客户, 客户群 R-3.2.1-02, 企业微信标签): the manual's quota (2 a day, China
 * time, 10 minutes apart), a quota slot claimed atomically (the slot is part of the run's `_id`, so two clicks at
 * once cannot both pass), then the same workflow the Schedule runs.
 */
export async function startManualSync(
  caller: Caller,
  { kind }: { kind: SyncKind },
  { temporal }: Pick<AppContext, 'temporal'>,
  now = new Date(),
): Promise<{ message: string; workflowId: string }> {
  const { tenantId } = caller;
  const running = await SyncRunModel.exists({
    tenantId,
    kind,
    status: 'running',
    startedAt: { $gt: new Date(now.getTime() - RUNNING_GRACE_MS) },
  });
  if (running) throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');

  const decision = decideManualSync(now, await manualStartsToday(tenantId, kind, now));
  if (!decision.allowed) throw tooManyRequests(decision.reason, 'SYNC_QUOTA');

  const workflow = syncWorkflow(kind, tenantId, `manual-${decision.quotaDay}-${decision.quotaSlot}`);
  try {
    await SyncRunModel.create({
      _id: workflow.workflowId,
      tenantId,
      kind,
      trigger: 'manual',
      workflowId: workflow.workflowId,
      status: 'running',
      startedAt: now,
      quotaDay: decision.quotaDay,
      quotaSlot: decision.quotaSlot,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');
    throw error;
  }

  try {
    await startWorkflow(temporal.client.workflow, workflow.workflowType, {
      workflowId: workflow.workflowId,
      taskQueue: temporal.taskQueue,
      args: [{ tenantId, trigger: 'manual' }],
      typedSearchAttributes: entitySearchAttributes(tenantId, workflow.entity, tenantId),
    });
  } catch (error) {
    // Same id already running: the slot's sync is under way, so the click changes nothing.
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      throw conflict('同步进行中，请稍后再试', 'SYNC_RUNNING');
    // Give the quota slot back: the sync never started.
    await SyncRunModel.deleteOne({ tenantId, _id: workflow.workflowId });
    throw unavailable('同步服务暂不可用，请稍后再试', 'TEMPORAL_UNAVAILABLE');
  }
  await recordAudit(caller, {
    action: kind === 'org' ? 'org-sync.manual' : 'customer-sync.manual',
    target: { type: 'workflow', id: workflow.workflowId, name: SYNC_NAMES[kind] },
  });
  return { message: '同步已开始，请稍候', workflowId: workflow.workflowId };
}

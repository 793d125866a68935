import {
  ApplicationFailure,
  ContinueAsNew,
  continueAsNew,
  proxyActivities,
  workflowInfo,
  type RetryPolicy,
} from '@temporalio/workflow';
import type { CustomerSyncActivities } from '../activities/customer-sync.activities';
import type { SyncRunActivities } from '../activities/sync-runs.activities';
import type { SyncKind } from '../lib/models/sync-run.model';
import type {
  CustomerSideSyncInput,
  CustomerSyncInput,
  CustomerSyncProgress,
} from './customer-sync.contract';
import { failureCause } from './failure-cause';
import { stepsWithSetbacks } from './sync-setbacks';

// A step is one WeCom page or a few groups, retried quickly. It heartbeats between WeCom and database work, so a
// killed worker's step moves to the restarted (or another) worker within 30 seconds. When a step's retries run
// out, the sync pauses and runs it again (withSetbacks) rather than failing with the data half-read.
const STEP_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  maximumAttempts: 8,
};
const proxied = proxyActivities<CustomerSyncActivities & SyncRunActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: STEP_RETRY,
});
// The end-of-sync pass reads every active customer in one attempt: minutes for a million on FerretDB.
const proxiedSweep = proxyActivities<Pick<CustomerSyncActivities, 'endUnseenRelations'>>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: STEP_RETRY,
});

/** batch/get_by_user takes at most 100 members per call. */
const MEMBERS_PER_BATCH = 100;
/** Pages per run before continuing as new, so a 100,000-customer corp keeps small histories. */
const PAGES_PER_RUN = 200;
const GROUPS_PER_STEP = 50;
const OWNERS_PER_LIST = 100;

// Every step's setback is written on the run: why, and when the step runs again (the admin's 同步 line).
const noteSetback = ({ tenantId }: { tenantId: string }, setback: { reason: string; retryAt: string }) =>
  proxied.noteSyncSetback({ tenantId, syncId: workflowInfo().workflowId, ...setback });
const activities = stepsWithSetbacks(proxied, noteSetback);
const sweep = stepsWithSetbacks(proxiedSweep, noteSetback);

/** Runs a sync body between beginSync and finishSync; a failure is recorded with WeCom's own words. */
async function recordedRun(
  input: CustomerSideSyncInput,
  kind: SyncKind,
  body: (startedAt: string) => Promise<number>,
  startedAt?: string,
): Promise<number> {
  const syncId = workflowInfo().workflowId;
  const { tenantId } = input;
  const started =
    startedAt ?? (await activities.beginSync({ tenantId, syncId, kind, trigger: input.trigger })).startedAt;
  let count: number;
  try {
    count = await body(started);
  } catch (error) {
    // A long sync carries on in its next run, which finishes the record.
    if (error instanceof ContinueAsNew) throw error;
    const message = failureCause(error, { activityWrapper: 'omit' });
    await activities.finishSync({ tenantId, syncId, status: 'failed', count: 0, error: message });
    throw ApplicationFailure.nonRetryable(`${kind} sync failed: ${message}`, 'CustomerSideSyncFailed');
  }
  await activities.finishSync({ tenantId, syncId, status: 'completed', count });
  return count;
}

/**
 * Reads every customer relation from WeCom (members with 客户联系 → batch/get_by_user pages), merges them into
 * the customers, then ends the active relations no page showed (one pass over the active customers). Returns the number of active customers.
 */
export async function customerSyncWorkflow(input: CustomerSyncInput): Promise<number> {
  const { tenantId } = input;
  const body = async (startedAt: string): Promise<number> => {
    const progress: CustomerSyncProgress = input.progress ?? {
      startedAt,
      userids: (await activities.listFollowUsers({ tenantId })).userids,
      batchStart: 0,
      cursor: '',
    };
    let pages = 0;
    while (progress.batchStart < progress.userids.length) {
      const userids = progress.userids.slice(progress.batchStart, progress.batchStart + MEMBERS_PER_BATCH);
      const page = await activities.syncCustomerPage({ tenantId, userids, cursor: progress.cursor });
      if (page.nextCursor) {
        progress.cursor = page.nextCursor;
      } else {
        progress.batchStart += MEMBERS_PER_BATCH;
        progress.cursor = '';
      }
      pages += 1;
      if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof customerSyncWorkflow>({ ...input, progress });
      }
    }
    await sweep.endUnseenRelations({ tenantId, seenSince: startedAt });
    return (await activities.countSyncedCustomers({ tenantId })).customers;
  };
  return recordedRun(input, 'customers', body, input.progress?.startedAt);
}

/** Lists every customer group, reads each with groupchat/get, and marks groups no longer listed dismissed. */
export async function customerGroupSyncWorkflow(input: CustomerSideSyncInput): Promise<number> {
  const { tenantId } = input;
  return recordedRun(input, 'customer-groups', async (startedAt) => {
    const chatIds = await listAllGroupChats(tenantId);
    for (let i = 0; i < chatIds.length; i += GROUPS_PER_STEP) {
      await activities.syncGroupChats({ tenantId, chatIds: chatIds.slice(i, i + GROUPS_PER_STEP) });
    }
    return (await activities.markUnlistedGroupsDismissed({ tenantId, seenSince: startedAt })).groups;
  });
}

async function listAllGroupChats(tenantId: string): Promise<string[]> {
  const chatIds = new Set<string>();
  const listAll = async (ownerUserids?: string[]) => {
    let cursor = '';
    do {
      const page = await activities.listGroupChatPage({ tenantId, cursor, ownerUserids });
      if (page.ownerFilterRequired) return false;
      page.chatIds.forEach((id) => chatIds.add(id));
      cursor = page.nextCursor;
    } while (cursor);
    return true;
  };
  if (await listAll()) return [...chatIds];
  // The app sees more than 1,000 members: WeCom wants the owners named, at most 100 at a time.
  const { userids } = await activities.listFollowUsers({ tenantId });
  for (let i = 0; i < userids.length; i += OWNERS_PER_LIST) {
    await listAll(userids.slice(i, i + OWNERS_PER_LIST));
  }
  return [...chatIds];
}

/** Reads every corp tag group; returns the number of tags WeCom has. */
export async function corpTagSyncWorkflow(input: CustomerSideSyncInput): Promise<number> {
  return recordedRun(
    input,
    'corp-tags',
    async () => (await activities.syncCorpTags({ tenantId: input.tenantId })).tags,
  );
}

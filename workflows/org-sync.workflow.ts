import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { OrgSyncActivities } from '../activities/org-sync.activities';
import type { SyncRunActivities } from '../activities/sync-runs.activities';
import { failureCause } from './failure-cause';
import type { OrgSyncInput, OrgSyncResult } from './org-sync.contract';
import { stepsWithSetbacks } from './sync-setbacks';

// Activities heartbeat between WeCom pages, so a killed worker's attempt is retried within seconds.
const proxied = proxyActivities<OrgSyncActivities & SyncRunActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 8,
  },
});

// A step whose retries run out pauses and runs again (withSetbacks); each setback is written on the run.
const activities = stepsWithSetbacks(proxied, ({ tenantId }, setback) =>
  proxied.noteSyncSetback({ tenantId, syncId: workflowInfo().workflowId, ...setback }),
);

const STAFF_BATCH_DEPARTMENTS = 20;

/**
 * Reads the whole org from WeCom into MongoDB: departments, then staff a few departments at a time,
 * then removes what WeCom no longer has. Every step is an idempotent upsert keyed by WeCom ids,
 * so a retried step (or a second concurrent sync) never doubles anything.
 */
export async function orgSyncWorkflow(input: OrgSyncInput): Promise<OrgSyncResult> {
  const syncId = workflowInfo().workflowId;
  const { tenantId } = input;
  const { startedAt } = await activities.beginOrgSync({ tenantId, syncId, trigger: input.trigger });
  try {
    const { departmentIds } = await activities.syncDepartments({ tenantId, syncId });
    for (let i = 0; i < departmentIds.length; i += STAFF_BATCH_DEPARTMENTS) {
      const batch = departmentIds.slice(i, i + STAFF_BATCH_DEPARTMENTS);
      await activities.syncStaffOfDepartments({ tenantId, syncId, departmentIds: batch });
    }
    const totals = await activities.removeVanishedOrgRecords({ tenantId, seenSince: startedAt });
    await activities.finishOrgSync({
      tenantId,
      syncId,
      status: 'completed',
      count: totals.departments + totals.staff,
    });
    return totals;
  } catch (error) {
    // An ActivityFailure only says "Activity task failed": the cause carries WeCom's errcode and text.
    const message = failureCause(error, { activityWrapper: 'omit' });
    await activities.finishOrgSync({ tenantId, syncId, status: 'failed', count: 0, error: message });
    throw ApplicationFailure.nonRetryable(`org sync failed: ${message}`, 'OrgSyncFailed');
  }
}

import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OrgWriteBackActivities } from '../activities/org-write-back.activities';
import { orgChangeSignal, type OrgWriteBackInput } from './org-write-back.contract';

/**
 * Activities retry without limit: WeCom being down (errcode -1, HTTP 5xx, unreachable) delays an edit but
 * never drops it. Refusals (a name taken, no permission) come back as a result, not as a failure.
 */
const activities = proxyActivities<OrgWriteBackActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Keeps each run's history small; the next run carries on where this one stopped.
const CHANGES_PER_RUN = 200;

/**
 * One workflow per tenant (`org-write-back/<tenant>`) writes the tenant's org edits to WeCom one at a time,
 * oldest first, so "create a department, then add a member to it" reaches WeCom in that order. The queue lives
 * in MongoDB (OrgChange rows), so an edit whose signal got lost is picked up by the next wake-up.
 */
export async function orgWriteBackWorkflow(input: OrgWriteBackInput): Promise<void> {
  let wakeUps = input.wakeUps ?? 0;
  let applied = 0;
  setHandler(orgChangeSignal, () => {
    wakeUps += 1;
  });

  for (;;) {
    await condition(() => wakeUps > 0);
    wakeUps = 0;
    for (;;) {
      const next = await activities.nextPendingOrgChange({ tenantId: input.tenantId });
      if (!next.changeId) break;
      await activities.applyOrgChange({ tenantId: input.tenantId, changeId: next.changeId });
      applied += 1;
    }
    if (applied >= CHANGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof orgWriteBackWorkflow>({ tenantId: input.tenantId, wakeUps });
    }
  }
}

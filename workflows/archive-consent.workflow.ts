import { proxyActivities } from '@temporalio/workflow';
import type { ArchiveConsentActivities } from '../activities/archive-consent.activities';
import type { ArchiveConsentInput, ArchiveConsentSummary } from './archive-consent.contract';

// Every step is idempotent (answers are upserted by member × customer), so a failed one is retried until
// WeCom and MongoDB answer; a refused binding (wrong secret) fails at once, and the next scheduled run tries again.
const { markArchivedStaff, syncStaffConsent, dropUnseenConsent } = proxyActivities<ArchiveConsentActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Members per activity: few enough that one activity's check_single_agree calls finish in minutes. */
const STAFF_PER_STEP = 20;

/**
 * The tenant's 会话存档 consent sync, started by its Schedule: the archived members, then their customers'
 * answers a slice of members at a time, then the removal of rows this run did not see.
 */
export async function archiveConsentSyncWorkflow(input: ArchiveConsentInput): Promise<ArchiveConsentSummary> {
  const staff = await markArchivedStaff({ tenantId: input.tenantId });
  if (staff.status === 'idle') return { staff: 0, checked: 0, dropped: 0, idleReason: staff.reason };
  let checked = 0;
  for (let at = 0; at < staff.userids.length; at += STAFF_PER_STEP) {
    const step = await syncStaffConsent({
      tenantId: input.tenantId,
      userids: staff.userids.slice(at, at + STAFF_PER_STEP),
    });
    checked += step.checked;
  }
  const { dropped } = await dropUnseenConsent({ tenantId: input.tenantId, startedAt: staff.startedAt });
  return { staff: staff.userids.length, checked, dropped };
}

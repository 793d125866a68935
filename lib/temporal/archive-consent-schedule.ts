import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { entitySearchAttributes } from './search-attributes';
import { archiveConsentScheduleId, archiveConsentWorkflowId } from './workflow-ids';

/**
 * WeCom sends no event when a customer agrees or refuses (API.md §15.5's msgaudit_notify only says new messages
 * exist), so the answers are read again periodically: every 10 minutes costs one check_single_agree per 100
 * member × customer pairs, far below WeCom's per-API limits for the corps this serves.
 */
export const ARCHIVE_CONSENT_INTERVAL = '10 minutes';

/** One Schedule per tenant with a 会话存档 secret, beside the ingest's; creating it again is a no-op. */
export async function ensureArchiveConsentSchedule(
  client: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: archiveConsentScheduleId(tenantId),
      spec: { intervals: [{ every: ARCHIVE_CONSENT_INTERVAL }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
      // The first run right away: 按客户检索 lists nobody until the answers have been read once.
      state: { note: 'Chat archive consent sync (会话存档同意情况)', triggerImmediately: true },
      action: {
        type: 'startWorkflow',
        workflowType: 'archiveConsentSyncWorkflow',
        workflowId: archiveConsentWorkflowId(tenantId),
        taskQueue,
        args: [{ tenantId }],
        typedSearchAttributes: entitySearchAttributes(tenantId, 'archive-consent', tenantId),
      },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}

import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { ensureSchedule } from './ensure-schedule';
import { entitySearchAttributes } from './search-attributes';
import { orgSyncScheduleId } from './workflow-ids';
import { startWorkflowAction } from './typed-workflows';

/** How often WeCom's org is read in full; callbacks carry single changes in between. */
export const ORG_SYNC_INTERVAL = '1 hour';

/**
 * One Schedule per tenant runs the org sync (ensureSchedule: created once, kept up to date, so every boot may
 * call this). The first creation triggers a run at once so a new tenant sees its org without waiting an hour.
 */
export async function ensureOrgSyncSchedule(
  client: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  await ensureSchedule(client, {
    scheduleId: orgSyncScheduleId(tenantId),
    spec: { intervals: [{ every: ORG_SYNC_INTERVAL }] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    initialState: { triggerImmediately: true, note: 'Periodic WeCom org sync (departments and staff)' },
    action: startWorkflowAction('orgSyncWorkflow', {
      workflowId: `org-sync/${tenantId}/scheduled`,
      taskQueue,
      args: [{ tenantId, trigger: 'schedule' }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'org-sync', tenantId),
    }),
  });
}

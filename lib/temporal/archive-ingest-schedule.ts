import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { ensureSchedule } from './ensure-schedule';
import { entitySearchAttributes } from './search-attributes';
import { archiveIngestScheduleId, archiveIngestWorkflowId } from './workflow-ids';
import { startWorkflowAction } from './typed-workflows';

/**
 * WeCom signals new archive messages at most every 15 s (msgaudit_notify, API.md §15.5) and keeps them for
 * days, so pulling once a minute keeps the archive fresh without a callback; a run still going when the next
 * is due lets it pass (overlap SKIP), and each run reads until it has caught up.
 */
export const ARCHIVE_INGEST_INTERVAL = '1 minute';

/** One Schedule per tenant with a 会话存档 secret (ensureSchedule: created once, kept up to date). */
export async function ensureArchiveIngestSchedule(
  client: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  await ensureSchedule(client, {
    scheduleId: archiveIngestScheduleId(tenantId),
    spec: { intervals: [{ every: ARCHIVE_INGEST_INTERVAL }] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    // No triggerImmediately: its run ignores the overlap policy, and the first tick is at most a minute away.
    initialState: { note: 'Chat archive ingest (会话内容存档)' },
    action: startWorkflowAction('archiveIngestWorkflow', {
      workflowId: archiveIngestWorkflowId(tenantId),
      taskQueue,
      args: [{ tenantId }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'archive-ingest', tenantId),
    }),
  });
}

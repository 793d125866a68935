import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TenantModel } from '../models/tenant.model';
import { ensureSchedule } from './ensure-schedule';
import { entitySearchAttributes } from './search-attributes';
import { archiveConsentScheduleId, archiveConsentWorkflowId } from './workflow-ids';
import { startWorkflowAction } from './typed-workflows';

/**
 * WeCom sends no event when a customer agrees or refuses (API.md §15.5's msgaudit_notify only says new messages
 * exist), so the answers are read again periodically: every 10 minutes costs one check_single_agree per 100
 * member × customer pairs, far below WeCom's per-API limits for the corps this serves.
 */
export const ARCHIVE_CONSENT_INTERVAL = '10 minutes';

/**
 * One Schedule per tenant with a 会话存档 secret, beside the ingest's (ensureSchedule: created once, kept up to
 * date). Created `paused` for a tenant outside its validity window (the tenant-validity workflow unpauses it with
 * the others).
 */
export async function ensureArchiveConsentSchedule(
  client: Client,
  taskQueue: string,
  tenantId: string,
  options: { paused?: boolean } = {},
): Promise<void> {
  await ensureSchedule(client, {
    scheduleId: archiveConsentScheduleId(tenantId),
    spec: { intervals: [{ every: ARCHIVE_CONSENT_INTERVAL }] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    // The first run right away: 按客户检索 lists nobody until the answers have been read once.
    initialState: {
      note: 'Chat archive consent sync (会话存档同意情况)',
      triggerImmediately: !options.paused,
      paused: options.paused ?? false,
    },
    action: startWorkflowAction('archiveConsentSyncWorkflow', {
      workflowId: archiveConsentWorkflowId(tenantId),
      taskQueue,
      args: [{ tenantId }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'archive-consent', tenantId),
    }),
  });
}

/**
 * At start: tenants whose archive was set up before the consent sync existed get its Schedule, paused when the
 * tenant is not active. Answers the tenants with an archive.
 */
export async function ensureAllArchiveConsentSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const tenants = await TenantModel.find(
    { 'wecom.archiveSecret': { $exists: true } },
    { phase: 1, 'wecom.archiveKeys': 1 },
  ).lean();
  const archived = tenants.filter((tenant) => (tenant.wecom?.archiveKeys.length ?? 0) > 0);
  for (const tenant of archived) {
    const paused = tenant.phase !== undefined && tenant.phase !== null && tenant.phase !== 'active';
    await ensureArchiveConsentSchedule(client, taskQueue, String(tenant._id), { paused });
  }
  return archived.map((tenant) => String(tenant._id));
}

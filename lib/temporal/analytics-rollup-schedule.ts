import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TenantModel } from '../models/tenant.model';
import { ensureSchedule } from './ensure-schedule';
import { entitySearchAttributes } from './search-attributes';
import { startWorkflowAction } from './typed-workflows';
import { analyticsRollupScheduleId, analyticsRollupWorkflowId } from './workflow-ids';

/**
 * Once a day at 03:00 China time (19:00 UTC; intervals count from the Unix epoch, in UTC): late enough after
 * midnight that the archive ingest has the day's last messages and WeCom has its T+1 statistics of yesterday.
 */
export const ANALYTICS_ROLLUP_SCHEDULE = { every: '1 day', offset: '19 hours' } as const;

/**
 * One Schedule per bound tenant runs the nightly 统计分析 rollup of yesterday (ensureSchedule: created once, kept
 * up to date). A run missed while Temporal or the worker was down is still started within half a day, and rolls up
 * the day before the one it runs in. Created `paused` for a tenant outside its validity window.
 */
export async function ensureAnalyticsRollupSchedule(
  client: Client,
  taskQueue: string,
  tenantId: string,
  options: { paused?: boolean } = {},
): Promise<void> {
  await ensureSchedule(client, {
    scheduleId: analyticsRollupScheduleId(tenantId),
    spec: { intervals: [ANALYTICS_ROLLUP_SCHEDULE] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '12 hours' },
    initialState: { note: '统计分析 daily rollup (T+1)', paused: options.paused ?? false },
    action: startWorkflowAction('analyticsDailyRollupWorkflow', {
      workflowId: analyticsRollupWorkflowId(tenantId),
      taskQueue,
      args: [{ tenantId }],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'analytics-rollup', tenantId),
    }),
  });
}

/** At api start: tenants bound before the rollup existed get its Schedule, paused when the tenant is not active. */
export async function ensureAllAnalyticsRollupSchedules(client: Client, taskQueue: string): Promise<number> {
  const tenants = (await TenantModel.find({}, { phase: 1, 'wecom.corpId': 1 }).lean()).filter(
    (tenant) => tenant.wecom?.corpId,
  );
  for (const tenant of tenants) {
    const paused = tenant.phase !== undefined && tenant.phase !== null && tenant.phase !== 'active';
    await ensureAnalyticsRollupSchedule(client, taskQueue, String(tenant._id), { paused });
  }
  return tenants.length;
}

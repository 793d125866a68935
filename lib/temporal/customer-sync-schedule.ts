import type { Duration } from '@temporalio/common';
import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { ensureSchedule } from './ensure-schedule';
import { entitySearchAttributes } from './search-attributes';
import { customerSideSyncScheduleId, customerSideSyncWorkflowId } from './workflow-ids';
import { startWorkflowAction } from './typed-workflows';

export type CustomerSideSyncKind = 'customers' | 'customer-groups' | 'corp-tags';
/** The workflows that run them (workflows/customer-sync.workflow.ts), all taking a CustomerSideSyncInput. */
export type CustomerSideSyncWorkflowType =
  'customerSyncWorkflow' | 'customerGroupSyncWorkflow' | 'corpTagSyncWorkflow';

/**
 * The customer-side syncs: each reads its part of WeCom in full; callbacks carry single changes in between,
 * so the full reads can be rare. Tags are cheap (one call) and read hourly.
 */
export const CUSTOMER_SIDE_SYNCS: Record<
  CustomerSideSyncKind,
  { workflowType: CustomerSideSyncWorkflowType; every: Duration; note: string }
> = {
  customers: { workflowType: 'customerSyncWorkflow', every: '6 hours', note: 'Periodic WeCom customer sync' },
  'customer-groups': {
    workflowType: 'customerGroupSyncWorkflow',
    every: '6 hours',
    note: 'Periodic WeCom customer group sync',
  },
  'corp-tags': { workflowType: 'corpTagSyncWorkflow', every: '1 hour', note: 'Periodic WeCom corp tag sync' },
};

export const CUSTOMER_SIDE_SYNC_KINDS = Object.keys(CUSTOMER_SIDE_SYNCS) as CustomerSideSyncKind[];

/** Every customer-side Schedule id of a tenant (paused with the org sync outside its validity window). */
export const customerSideScheduleIds = (tenantId: string) =>
  CUSTOMER_SIDE_SYNC_KINDS.map((kind) => customerSideSyncScheduleId(kind, tenantId));

/**
 * One Schedule per tenant and kind (ensureSchedule: created once, kept up to date, so every boot may call this);
 * the first creation runs at once so a newly bound tenant sees its customers without waiting.
 */
export async function ensureCustomerSyncSchedules(client: Client, taskQueue: string, tenantId: string) {
  for (const kind of CUSTOMER_SIDE_SYNC_KINDS) {
    const sync = CUSTOMER_SIDE_SYNCS[kind];
    await ensureSchedule(client, {
      scheduleId: customerSideSyncScheduleId(kind, tenantId),
      spec: { intervals: [{ every: sync.every }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
      initialState: { triggerImmediately: true, note: sync.note },
      action: startWorkflowAction(sync.workflowType, {
        workflowId: customerSideSyncWorkflowId(kind, tenantId, 'scheduled'),
        taskQueue,
        args: [{ tenantId, trigger: 'schedule' }],
        typedSearchAttributes: entitySearchAttributes(tenantId, `${kind}-sync`, tenantId),
      }),
    });
  }
}

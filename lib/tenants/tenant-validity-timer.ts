import type { Client } from '@temporalio/client';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { tenantValidityWorkflowId } from '../temporal/workflow-ids';
import { validityChangedSignal, type ValidityWindow } from '../../workflows/tenant-validity.contract';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';

/**
 * Starts the tenant's validity timer, or hands a running one its new window: one call for opening a
 * tenant and for every change of 生效时间 / 到期时间. The workflow id is the tenant's, so this never
 * starts a second timer.
 */
export async function setTenantValidityTimer(
  temporal: { client: Client; taskQueue: string },
  tenantId: string,
  window: ValidityWindow,
): Promise<void> {
  await signalWithStartWorkflow(temporal.client.workflow, 'tenantValidityWorkflow', {
    workflowId: tenantValidityWorkflowId(tenantId),
    taskQueue: temporal.taskQueue,
    args: [{ tenantId, window }],
    signal: validityChangedSignal,
    signalArgs: [window],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'tenant-validity', tenantId),
  });
}

import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { customerSearchOutboxWorkflowId, customerSearchRebuildWorkflowId } from '../temporal/workflow-ids';
import { signalWithStartWorkflow, startWorkflow } from '../temporal/typed-workflows';
import { customerSearchPendingSignal } from '../../workflows/customer-search.contract';

/** Starts the tenant's outbox drain, or tells the running one there is more. */
export async function wakeCustomerSearchOutbox(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  await signalWithStartWorkflow(temporal.workflow, 'customerSearchOutboxWorkflow', {
    workflowId: customerSearchOutboxWorkflowId(tenantId),
    taskQueue,
    args: [{ tenantId }],
    signal: customerSearchPendingSignal,
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'customer-search-outbox', tenantId),
  });
}

/** Starts the refill of `index` from MongoDB; a refill already running is left alone. */
export async function startCustomerSearchRebuild(
  temporal: Client,
  taskQueue: string,
  names: { alias: string; index: string },
): Promise<void> {
  try {
    await startWorkflow(temporal.workflow, 'customerSearchRebuildWorkflow', {
      workflowId: customerSearchRebuildWorkflowId(names.index),
      taskQueue,
      args: [names],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

import type { Client } from '@temporalio/client';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { orgWriteBackWorkflowId } from '../temporal/workflow-ids';

/**
 * Starts the tenant's org write-back workflow, or wakes the running one, to apply the pending org edits kept
 * in MongoDB. Called when an edit is saved and after every org sync, so an edit saved while Temporal was
 * unreachable waits at most until the next sync. Names, not imports: the api does not load workflow code.
 */
export async function wakeOrgWriteBack(temporal: Client, taskQueue: string, tenantId: string): Promise<void> {
  await temporal.workflow.signalWithStart('orgWriteBackWorkflow', {
    workflowId: orgWriteBackWorkflowId(tenantId),
    taskQueue,
    args: [{ tenantId }],
    signal: 'orgChange',
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'org-write-back', tenantId),
  });
}

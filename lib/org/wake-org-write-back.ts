import type { Client } from '@temporalio/client';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { orgWriteBackWorkflowId } from '../temporal/workflow-ids';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';
import { orgChangeSignal } from '../../workflows/org-write-back.contract';

/**
 * Starts the tenant's org write-back workflow, or wakes the running one, to apply the pending org edits kept
 * in MongoDB. Called when an edit is saved and after every org sync, so an edit saved while Temporal was
 * unreachable waits at most until the next sync.
 */
export async function wakeOrgWriteBack(temporal: Client, taskQueue: string, tenantId: string): Promise<void> {
  await signalWithStartWorkflow(temporal.workflow, 'orgWriteBackWorkflow', {
    workflowId: orgWriteBackWorkflowId(tenantId),
    taskQueue,
    args: [{ tenantId }],
    signal: orgChangeSignal,
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'org-write-back', tenantId),
  });
}

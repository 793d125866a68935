import { WorkflowNotFoundError } from '@temporalio/client';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { groupCodeWorkflowId } from '../../../lib/temporal/workflow-ids';
import { signalWithStartWorkflow } from '../../../lib/temporal/typed-workflows';
import { groupCodeChangedSignal, groupCodeDeletedSignal } from '../../../workflows/group-code.contract';
import type { TemporalDeps } from '../../app-context';

/**
 * Tells a code's rotation workflow (workflows/group-code.workflow.ts) to look at the code again, starting it
 * if it is not running (signalWithStart): creation, every edit and a group-filling scan all go through here.
 */
export async function pokeGroupCodeRotation(
  temporal: TemporalDeps,
  tenantId: string,
  codeId: string,
  name: string,
): Promise<void> {
  await signalWithStartWorkflow(temporal.client.workflow, 'groupCodeWorkflow', {
    workflowId: groupCodeWorkflowId(tenantId, codeId),
    taskQueue: temporal.taskQueue,
    args: [{ tenantId, codeId }],
    signal: groupCodeChangedSignal,
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'group-code', codeId),
    memo: { name },
  });
}

/** A deleted code's workflow ends (its timers with it). */
export async function endGroupCodeRotation(temporal: TemporalDeps, tenantId: string, codeId: string) {
  try {
    await temporal.client.workflow
      .getHandle(groupCodeWorkflowId(tenantId, codeId))
      .signal(groupCodeDeletedSignal);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

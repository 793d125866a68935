import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { pollHandoverNowSignal } from '../../workflows/handover.contract';
import { handoverWorkflowId } from '../temporal/workflow-ids';

/**
 * Has the handover's workflow read WeCom's results now rather than at its next hourly poll (刷新, or a
 * `transfer_fail` event). False when the workflow is gone (the handover finished).
 */
export async function pollHandoverNow(
  temporal: Client,
  tenantId: string,
  handoverId: string,
): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(handoverWorkflowId(tenantId, handoverId)).signal(pollHandoverNowSignal);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

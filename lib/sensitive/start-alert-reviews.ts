import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { sensitiveReviewWorkflowId } from '../temporal/workflow-ids';

/**
 * Starts one review workflow per alert (its app messages, then 审核). The workflow id is the alert's, and a
 * closed review is never started again, so a batch read twice neither messages anyone twice nor reopens a
 * review: "already started" is the expected answer for every alert but the new ones.
 */
export async function startAlertReviews(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
  alertIds: readonly string[],
): Promise<void> {
  for (const alertId of alertIds) {
    try {
      await temporal.workflow.start('sensitiveReviewWorkflow', {
        workflowId: sensitiveReviewWorkflowId(tenantId, alertId),
        taskQueue,
        args: [{ tenantId, alertId }],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

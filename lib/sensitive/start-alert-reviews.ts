import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { sensitiveNoticeWorkflowId, sensitiveReviewWorkflowId } from '../temporal/workflow-ids';
import type { RaisedAlert } from './insert-alerts-once';

/**
 * Starts one notice workflow per chat message (its app message listing every row it raised, I-110) and one
 * review workflow per alert row (审核). Ids are the message's and the row's, and a closed workflow is never
 * started again, so a batch read twice neither messages anyone twice nor reopens a review: "already
 * started" is the expected answer for every alert but the new ones.
 */
export async function startAlertReviews(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
  alerts: readonly RaisedAlert[],
): Promise<void> {
  const startOnce = async (workflowType: string, workflowId: string, input: object) => {
    try {
      await temporal.workflow.start(workflowType, {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
  const notices = new Map<string, string[]>();
  for (const { alertId, noticeKey } of alerts) {
    notices.set(noticeKey, [...(notices.get(noticeKey) ?? []), alertId]);
  }
  for (const [noticeKey, alertIds] of notices) {
    await startOnce('sensitiveNoticeWorkflow', sensitiveNoticeWorkflowId(tenantId, noticeKey), {
      tenantId,
      alertIds,
    });
  }
  for (const { alertId } of alerts) {
    await startOnce('sensitiveReviewWorkflow', sensitiveReviewWorkflowId(tenantId, alertId), {
      tenantId,
      alertId,
    });
  }
}

import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { sensitiveNoticeWorkflowId, sensitiveReviewWorkflowId } from '../temporal/workflow-ids';
import type { RaisedAlert } from './insert-alerts-once';
import { startWorkflow } from '../temporal/typed-workflows';

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
  const once = async (start: Promise<unknown>) => {
    try {
      await start;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
  const options = { taskQueue, workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE };
  const notices = new Map<string, string[]>();
  for (const { alertId, noticeKey } of alerts) {
    notices.set(noticeKey, [...(notices.get(noticeKey) ?? []), alertId]);
  }
  for (const [noticeKey, alertIds] of notices) {
    await once(
      startWorkflow(temporal.workflow, 'sensitiveNoticeWorkflow', {
        ...options,
        workflowId: sensitiveNoticeWorkflowId(tenantId, noticeKey),
        args: [{ tenantId, alertIds }],
      }),
    );
  }
  for (const { alertId } of alerts) {
    await once(
      startWorkflow(temporal.workflow, 'sensitiveReviewWorkflow', {
        ...options,
        workflowId: sensitiveReviewWorkflowId(tenantId, alertId),
        args: [{ tenantId, alertId }],
      }),
    );
  }
}

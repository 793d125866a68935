import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { customerLossDigestWorkflowId } from '../temporal/workflow-ids';
import { startWorkflow } from '../temporal/typed-workflows';
import { loadLossAlertSettings, lossRecipients } from './loss-alert-settings';
import type { RecordedLoss } from './record-customer-loss';

/**
 * Starts the digest of the loss's window for each of its recipients. The id is the recipient's and the
 * window's, and a closed digest is never started again, so "already started" is the usual answer: the
 * window's first loss started it, and a redelivered event's loss is in the digest it was first counted in.
 */
export async function startLossDigests(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
  loss: RecordedLoss,
): Promise<void> {
  const recipients = lossRecipients(await loadLossAlertSettings(tenantId), loss.userid);
  for (const recipient of recipients) {
    try {
      await startWorkflow(temporal.workflow, 'customerLossDigestWorkflow', {
        taskQueue,
        workflowId: customerLossDigestWorkflowId(tenantId, recipient, loss.digestBucket),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ tenantId, recipient, bucket: loss.digestBucket, sendAt: loss.digestSendAt }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

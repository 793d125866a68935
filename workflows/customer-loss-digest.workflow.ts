import { proxyActivities, sleep } from '@temporalio/workflow';
import type { CustomerLossDigestActivities } from '../activities/customer-loss-digest.activities';
import type { CustomerLossDigestInput } from './customer-loss-digest.contract';

const activities = proxyActivities<CustomerLossDigestActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 30,
  },
});

/**
 * 流失提醒 (issue 19 item 3): one app message per recipient per window (an hour) listing that window's
 * losses. Its id is the recipient's and the window's (customerLossDigestWorkflowId), and every loss of the
 * window starts it, so the first start waits for the window to end and the others are refused: five losses
 * in an hour are one message, the next hour's losses the next. The losses are read when it sends, so ones
 * recorded while it waited are in it.
 */
export async function customerLossDigestWorkflow(
  input: CustomerLossDigestInput,
): Promise<'sent' | 'skipped'> {
  await sleep(Math.max(input.sendAt - Date.now(), 1));
  return activities.sendCustomerLossDigest({
    tenantId: input.tenantId,
    recipient: input.recipient,
    bucket: input.bucket,
  });
}

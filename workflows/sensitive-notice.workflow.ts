import { proxyActivities } from '@temporalio/workflow';
import type { SensitiveReviewActivities } from '../activities/sensitive-review.activities';
import type { SensitiveNoticeInput } from './sensitive-notice.contract';

const activities = proxyActivities<SensitiveReviewActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 30,
  },
});

/**
 * 敏感行为 app message (R-7.6-07/08/10, I-110): one per chat message, its id the message's, so a message
 * hitting several rules messages each recipient once, listing them all, however often its batch is read.
 * The rows' reviews are their own workflows (sensitive-review.workflow.ts).
 */
export async function sensitiveNoticeWorkflow(input: SensitiveNoticeInput): Promise<void> {
  await activities.notifySensitiveBehavior(input);
}

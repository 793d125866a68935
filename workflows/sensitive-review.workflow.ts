import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type {
  SensitiveReviewActivities,
  SensitiveReviewDecision,
} from '../activities/sensitive-review.activities';
import {
  REVIEW_WINDOW_MS,
  reviewSignal,
  reviewStateQuery,
  type SensitiveReviewInput,
} from './sensitive-review.contract';

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
 * 敏感行为审核: one per alert row, started once however often the batch that raised it is read.
 * It takes review signals until the window closes, recording each in arrival order. The app message is the
 * chat message's, not the row's (sensitive-notice.workflow.ts).
 */
export async function sensitiveReviewWorkflow(input: SensitiveReviewInput): Promise<void> {
  const pending: SensitiveReviewDecision[] = [];
  let decision: SensitiveReviewDecision | undefined;
  setHandler(reviewSignal, (next) => {
    pending.push(next);
  });
  setHandler(reviewStateQuery, () => ({ decision }));

  const { tenantId, alertId } = input;
  // Reviews started before notices went per chat message still send their row's own.
  if (!patched('sensitive-notice-per-message')) {
    await activities.notifySensitiveAlert({ tenantId, alertId });
  }

  const closesAt = Date.now() + REVIEW_WINDOW_MS;
  for (;;) {
    const remaining = closesAt - Date.now();
    if (pending.length === 0 && (remaining <= 0 || !(await condition(() => pending.length > 0, remaining)))) {
      return;
    }
    const next = pending.shift()!;
    await activities.recordSensitiveReview({ tenantId, alertId, decision: next });
    decision = next;
  }
}

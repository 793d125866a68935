import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { SensitiveReviewDecision } from '../activities/sensitive-review.activities';

/** sensitiveReviewWorkflow's input, signal and query (sensitive-review.workflow.ts), shared with the api. */
export interface SensitiveReviewInput {
  tenantId: string;
  alertId: string;
}

/** 违规属实 / 移除预警 with a note, from the review API; a later one is a 重新审核. */
export const reviewSignal = defineSignal<[SensitiveReviewDecision]>('review');
export const reviewStateQuery = defineQuery<{ decision: SensitiveReviewDecision | undefined }>('reviewState');

/**
 * How long an alert stays open for 重新审核 after it was raised. After that the workflow completes; the API
 * still writes a later review on the row itself (there is nothing left to send), it just has no workflow.
 */
export const REVIEW_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

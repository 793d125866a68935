import { defineQuery } from '@temporalio/workflow';
import type { AnalyticsBackfillStatus } from '../lib/contracts/analytics.contract';
import type { RollUpDayResult } from '../lib/analytics/roll-up-day';

/** The daily rollup (analytics-rollup.workflow.ts), started by the tenant's Schedule: it rolls up yesterday. */
export interface AnalyticsDailyRollupInput {
  tenantId: string;
}

export interface AnalyticsDailyRollupResult extends RollUpDayResult {
  day: string;
}

/** 补算 of a past range (at most 366 days), one day at a time; `next` and `status` carry a continued run on. */
export interface AnalyticsBackfillInput {
  tenantId: string;
  from: string;
  to: string;
  next?: string;
  status?: AnalyticsBackfillStatus;
}

/** The backfill's progress: days done of the range, the last day finished, why it stopped if it failed. */
export const analyticsBackfillStatusQuery = defineQuery<AnalyticsBackfillStatus>('analyticsBackfillStatus');

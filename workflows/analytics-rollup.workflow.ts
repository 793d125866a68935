import {
  ActivityFailure,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AnalyticsRollupActivities } from '../activities/analytics-rollup.activities';
import type { AnalyticsBackfillStatus } from '../lib/contracts/analytics.contract';
import {
  analyticsBackfillStatusQuery,
  type AnalyticsBackfillInput,
  type AnalyticsDailyRollupInput,
  type AnalyticsDailyRollupResult,
} from './analytics-rollup.contract';
import { addDays, chinaDayOf, daysFromTo } from './china-day';

// A day's rollup reads a day of the archive and calls WeCom once per member: minutes for a large tenant. It
// replaces the day whole, so a retry is harmless; after a few it gives up: the next night, or a 补算, runs it again
// (a daily run retrying for ever would hold the Schedule, which skips overlapping runs).
const activityOptions = {
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 6,
  },
} as const;
const { rollUpAnalyticsDay } = proxyActivities<AnalyticsRollupActivities>(activityOptions);

/**
 * The tenant's nightly rollup (W-16, T+1): yesterday in China time, as the workflow's clock tells it (a Schedule's
 * late start after an outage still rolls up the day before the one it runs in).
 */
export async function analyticsDailyRollupWorkflow(
  input: AnalyticsDailyRollupInput,
): Promise<AnalyticsDailyRollupResult> {
  const day = addDays(chinaDayOf(Date.now()), -1);
  const result = await rollUpAnalyticsDay({ tenantId: input.tenantId, day });
  return { day, ...result };
}

/** Continue as new past this many events (a day costs about six), well before Temporal's limits. */
const HISTORY_EVENTS_PER_RUN = 1_000;

/**
 * 补算 (W-16): rolls up `from` … `to` one day at a time, oldest first, with WeCom's figures for the days WeCom
 * still answers (the activity decides). Its id is one per tenant (analyticsBackfillWorkflowId), so a second start
 * while it runs is refused. Progress answers analyticsBackfillStatusQuery; a day that fails after its retries ends the backfill with the
 * failure in its status (the days before it stay done; a new 补算 may start from that day).
 */
export async function analyticsBackfillWorkflow(
  input: AnalyticsBackfillInput,
): Promise<AnalyticsBackfillStatus> {
  const status: AnalyticsBackfillStatus = input.status ?? {
    running: true,
    from: input.from,
    to: input.to,
    daysDone: 0,
    daysTotal: daysFromTo(input.from, input.to).length,
    lastDay: null,
    failure: null,
  };
  setHandler(analyticsBackfillStatusQuery, () => status);
  for (let day = input.next ?? input.from; day <= input.to; day = addDays(day, 1)) {
    const info = workflowInfo();
    if (status.daysDone > 0 && (info.continueAsNewSuggested || info.historyLength >= HISTORY_EVENTS_PER_RUN))
      await continueAsNew<typeof analyticsBackfillWorkflow>({ ...input, next: day, status });
    try {
      await rollUpAnalyticsDay({ tenantId: input.tenantId, day });
    } catch (error) {
      const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
      status.failure = `${day}: ${cause instanceof Error ? cause.message : String(cause)}`;
      status.running = false;
      return status;
    }
    status.daysDone += 1;
    status.lastDay = day;
  }
  status.running = false;
  return status;
}

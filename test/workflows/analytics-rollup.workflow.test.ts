import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AnalyticsRollupActivities } from '../../activities/analytics-rollup.activities';
import type { RollUpDayInput, RollUpDayResult } from '../../lib/analytics/roll-up-day';
import { analyticsBackfillStatusQuery } from '../../workflows/analytics-rollup.contract';
import {
  analyticsBackfillWorkflow,
  analyticsDailyRollupWorkflow,
} from '../../workflows/analytics-rollup.workflow';
import { addDays, chinaDayOf } from '../../workflows/china-day';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const ROLLED: RollUpDayResult = { staffRows: 3, ownerRows: 1, removed: 0, wecom: 'pulled' };

describe('analytics rollup workflows', () => {
  const env = workflowTestEnv('time-skipping');

  function recording(onDay: (input: RollUpDayInput) => Promise<void> = async () => undefined) {
    const days: string[] = [];
    const activities: AnalyticsRollupActivities = {
      async rollUpAnalyticsDay(input) {
        await onDay(input);
        days.push(input.day);
        return ROLLED;
      },
    };
    return { days, activities };
  }

  it('the nightly run rolls up yesterday, China time, as the workflow clock tells it', async () => {
    const { days, activities } = recording();
    const { result, startedAt } = await env.runWorker('analytics-daily', activities, async () => {
      const handle = await env.client.workflow.start(analyticsDailyRollupWorkflow, {
        workflowId: 'analytics-rollup/t1/scheduled',
        taskQueue: 'analytics-daily',
        args: [{ tenantId: 't1' }],
      });
      try {
        return { result: await handle.result(), startedAt: (await handle.describe()).startTime };
      } finally {
        await recordHistoryIfAsked(handle, 'analytics-daily-rollup');
      }
    });
    // The workflow clock is the time its task ran, right after the start (the test server skips only timers).
    const yesterday = addDays(chinaDayOf(startedAt.getTime()), -1);
    expect(days).toEqual([yesterday]);
    expect(result).toEqual({ day: yesterday, ...ROLLED });
  });

  it('a backfill rolls up its days in order, tells its progress while it runs, and refuses a second start', async () => {
    let releaseSecond: () => void = () => undefined;
    const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve));
    let secondStarted: () => void = () => undefined;
    const atSecond = new Promise<void>((resolve) => (secondStarted = resolve));
    const { days, activities } = recording(async ({ day }) => {
      if (day === '2026-11-02') {
        secondStarted();
        await secondHeld;
      }
    });
    const status = await env.runWorker('analytics-backfill', activities, async () => {
      const start = () =>
        env.client.workflow.start(analyticsBackfillWorkflow, {
          workflowId: 'analytics-backfill/t1',
          taskQueue: 'analytics-backfill',
          args: [{ tenantId: 't1', from: '2026-11-01', to: '2026-11-03' }],
        });
      const handle = await start();
      try {
        await atSecond;
        expect(await handle.query(analyticsBackfillStatusQuery)).toEqual({
          running: true,
          from: '2026-11-01',
          to: '2026-11-03',
          daysDone: 1,
          daysTotal: 3,
          lastDay: '2026-11-01',
          failure: null,
        });
        await expect(start()).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
        releaseSecond();
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, 'analytics-backfill');
      }
    });
    expect(days).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(status).toEqual({
      running: false,
      from: '2026-11-01',
      to: '2026-11-03',
      daysDone: 3,
      daysTotal: 3,
      lastDay: '2026-11-03',
      failure: null,
    });
  });

  it('a day that keeps failing ends the backfill with the failure in its status; the days before stay done', async () => {
    const { days, activities } = recording(async ({ day }) => {
      if (day === '2026-10-02') throw ApplicationFailure.nonRetryable('tenant t1 has no WeCom binding');
    });
    const status = await env.runWorker('analytics-backfill-failing', activities, async () => {
      const handle = await env.client.workflow.start(analyticsBackfillWorkflow, {
        workflowId: 'analytics-backfill/t2',
        taskQueue: 'analytics-backfill-failing',
        args: [{ tenantId: 't2', from: '2026-10-01', to: '2026-10-05' }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, 'analytics-backfill-failing');
      }
    });
    expect(days).toEqual(['2026-10-01']);
    expect(status).toEqual({
      running: false,
      from: '2026-10-01',
      to: '2026-10-05',
      daysDone: 1,
      daysTotal: 5,
      lastDay: '2026-10-01',
      failure: '2026-10-02: tenant t1 has no WeCom binding',
    });
  });

  it('a long range continues as new and keeps its progress across runs', async () => {
    const { days, activities } = recording();
    const { status, runs } = await env.runWorker('analytics-backfill-long', activities, async () => {
      const handle = await env.client.workflow.start(analyticsBackfillWorkflow, {
        workflowId: 'analytics-backfill/t3',
        taskQueue: 'analytics-backfill-long',
        args: [{ tenantId: 't3', from: '2025-12-01', to: '2026-06-30' }],
      });
      const result = await handle.result();
      const described = await env.client.workflow.getHandle('analytics-backfill/t3').describe();
      return { status: result, runs: described.runId !== handle.firstExecutionRunId };
    });
    expect(runs).toBe(true);
    expect(days).toHaveLength(212);
    expect(new Set(days).size).toBe(212);
    expect(days[0]).toBe('2025-12-01');
    expect(days.at(-1)).toBe('2026-06-30');
    expect(status).toMatchObject({ running: false, daysDone: 212, daysTotal: 212, lastDay: '2026-06-30' });
  });
});

import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type {
  SensitiveReviewActivities,
  SensitiveReviewDecision,
} from '../../activities/sensitive-review.activities';
import {
  REVIEW_WINDOW_MS,
  reviewSignal,
  reviewStateQuery,
  sensitiveReviewWorkflow,
} from '../../workflows/sensitive-review.workflow';
import { recordHistoryIfAsked } from '../support/record-history';

const DAY = 24 * 60 * 60 * 1000;
const reviewer = { userid: 'admin', name: '管理员' };

describe('sensitiveReviewWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    const path = process.env.TEMPORAL_TEST_SERVER_BIN;
    if (!path) throw new Error('TEMPORAL_TEST_SERVER_BIN is not set: run the tests through `npm test`');
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function run(
    name: string,
    drive: (handle: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<void>,
    failFirstNotice = 0,
  ) {
    const notices: string[] = [];
    const recorded: SensitiveReviewDecision[] = [];
    let failures = failFirstNotice;
    const activities: SensitiveReviewActivities = {
      notifySensitiveAlert: async ({ alertId }) => {
        if (failures-- > 0) throw new Error('WeCom unavailable');
        notices.push(alertId);
        return 'sent';
      },
      recordSensitiveReview: async ({ decision }) => {
        recorded.push(decision);
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: name,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    let finishedAt = 0;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(sensitiveReviewWorkflow, {
        workflowId: `sensitive-review/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', alertId: name }],
      });
      await drive(handle);
      await handle.result();
      finishedAt = await env.currentTimeMs();
      await recordHistoryIfAsked(handle, name);
    });
    return { notices, recorded, finishedAt };
  }

  it('messages once, records the review and a re-review, and closes when the window ends', async () => {
    const startedAt = await env.currentTimeMs();
    const violation = { verdict: 'violation' as const, note: '属实', reviewer, at: startedAt + 1 };
    const dismissed = { verdict: 'dismissed' as const, note: '误报', reviewer, at: startedAt + 2 };
    const { notices, recorded, finishedAt } = await run('sensitive-review', async (handle) => {
      await handle.signal(reviewSignal, violation);
      await env.sleep(DAY);
      expect(await handle.query(reviewStateQuery)).toEqual({ notified: true, decision: violation });
      await handle.signal(reviewSignal, dismissed);
      await env.sleep(DAY);
      expect((await handle.query(reviewStateQuery)).decision).toEqual(dismissed);
    });
    expect(notices).toEqual(['sensitive-review']);
    expect(recorded).toEqual([violation, dismissed]);
    expect(finishedAt).toBeGreaterThanOrEqual(startedAt + REVIEW_WINDOW_MS);
  });

  it('an alert nobody reviews still closes after the window, having messaged once', async () => {
    const { notices, recorded } = await run('sensitive-review-unreviewed', async () => {});
    expect(notices).toEqual(['sensitive-review-unreviewed']);
    expect(recorded).toEqual([]);
  });

  it('retries the app message until WeCom takes it, and sends it once', async () => {
    const { notices } = await run('sensitive-review-retried', async () => {}, 2);
    expect(notices).toEqual(['sensitive-review-retried']);
  });
});

import type {
  SensitiveReviewActivities,
  SensitiveReviewDecision,
} from '../../activities/sensitive-review.activities';
import { sensitiveNoticeWorkflow } from '../../workflows/sensitive-notice.workflow';
import { sensitiveReviewWorkflow } from '../../workflows/sensitive-review.workflow';
import { REVIEW_WINDOW_MS, reviewSignal, reviewStateQuery } from '../../workflows/sensitive-review.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const DAY = 24 * 60 * 60 * 1000;
const reviewer = { userid: 'admin', name: '管理员' };

describe('sensitiveReviewWorkflow and sensitiveNoticeWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  /** Activities that count their calls; the notice fails `failFirstNotices` times first. */
  function fakeActivities(failFirstNotices = 0) {
    const notices: string[][] = [];
    const recorded: SensitiveReviewDecision[] = [];
    let failures = failFirstNotices;
    const activities: SensitiveReviewActivities = {
      notifySensitiveBehavior: async ({ alertIds }) => {
        if (failures-- > 0) throw new Error('WeCom unavailable');
        notices.push(alertIds);
        return 'sent';
      },
      notifySensitiveAlert: async ({ alertId }) => {
        notices.push([alertId]);
        return 'sent';
      },
      recordSensitiveReview: async ({ decision }) => {
        recorded.push(decision);
      },
    };
    return { activities, notices, recorded };
  }

  async function review(
    name: string,
    drive: (handle: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<void>,
  ) {
    const { activities, notices, recorded } = fakeActivities();
    let finishedAt = 0;
    await env.runWorker(name, activities, async () => {
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

  it('records the review and a re-review, and closes when the window ends, sending nothing itself', async () => {
    const startedAt = await env.currentTimeMs();
    const violation = { verdict: 'violation' as const, note: '属实', reviewer, at: startedAt + 1 };
    const dismissed = { verdict: 'dismissed' as const, note: '误报', reviewer, at: startedAt + 2 };
    const { notices, recorded, finishedAt } = await review('sensitive-review', async (handle) => {
      await handle.signal(reviewSignal, violation);
      await env.sleep(DAY);
      expect(await handle.query(reviewStateQuery)).toEqual({ decision: violation });
      await handle.signal(reviewSignal, dismissed);
      await env.sleep(DAY);
      expect((await handle.query(reviewStateQuery)).decision).toEqual(dismissed);
    });
    expect(notices).toEqual([]);
    expect(recorded).toEqual([violation, dismissed]);
    expect(finishedAt).toBeGreaterThanOrEqual(startedAt + REVIEW_WINDOW_MS);
  });

  it('an alert nobody reviews still closes after the window', async () => {
    const { recorded } = await review('sensitive-review-unreviewed', async () => {});
    expect(recorded).toEqual([]);
  });

  it('sends one notice for all the rows of a message, retrying until WeCom takes it', async () => {
    const { activities, notices } = fakeActivities(2);
    const name = 'sensitive-notice-retried';
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(sensitiveNoticeWorkflow, {
        workflowId: `sensitive-notice/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', alertIds: ['t1:msg:rule-a', 't1:msg:rule-b'] }],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
    expect(notices).toEqual([['t1:msg:rule-a', 't1:msg:rule-b']]);
  });
});

import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { CustomerLossDigestActivities } from '../../activities/customer-loss-digest.activities';
import { digestSendAt, digestWindowOf } from '../../lib/customer-losses/digest-window';
import { customerLossDigestWorkflowId } from '../../lib/temporal/workflow-ids';
import { customerLossDigestWorkflow } from '../../workflows/customer-loss-digest.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('customerLossDigestWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  it('five losses within an hour give the member one message at its end, the next hour another', async () => {
    const sent: Array<{ bucket: string; at: number }> = [];
    const activities: CustomerLossDigestActivities = {
      sendCustomerLossDigest: async ({ bucket }) => {
        sent.push({ bucket, at: await env.currentTimeMs() });
        return 'sent';
      },
    };
    const taskQueue = 'customer-loss-digest';

    /** What recording a loss does (lib/customer-losses/start-loss-digests.ts): start the window's digest. */
    async function lossRecorded() {
      const window = digestWindowOf(new Date(await env.currentTimeMs()), HOUR);
      try {
        return await env.client.workflow.start(customerLossDigestWorkflow, {
          taskQueue,
          workflowId: customerLossDigestWorkflowId('t1', 'lina', window.bucket),
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [
            {
              tenantId: 't1',
              recipient: 'lina',
              bucket: window.bucket,
              sendAt: digestSendAt(window.endsAt, HOUR),
            },
          ],
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
        throw error;
      }
    }

    await env.runWorker(taskQueue, activities, async () => {
      // Start at the top of an hour so all five fall in it.
      const now = await env.currentTimeMs();
      await env.sleep(HOUR - (now % HOUR) + MINUTE);
      const first = await lossRecorded();
      expect(first).not.toBeNull();
      for (let i = 0; i < 4; i++) {
        await env.sleep(10 * MINUTE);
        expect(await lossRecorded()).toBeNull();
      }
      await first!.result();
      await recordHistoryIfAsked(first!, 'customer-loss-digest');
      expect(sent).toHaveLength(1);
      const firstWindow = digestWindowOf(new Date(sent[0].bucket), HOUR);
      expect(sent[0].at).toBeGreaterThanOrEqual(firstWindow.endsAt.getTime());

      // The window has ended: the next loss is the next hour's, and gets its own message.
      const next = await lossRecorded();
      expect(next).not.toBeNull();
      await next!.result();
      expect(sent).toHaveLength(2);
      expect(sent[1].bucket).not.toBe(sent[0].bucket);
      expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(HOUR - 2 * MINUTE);
    });
  });
});

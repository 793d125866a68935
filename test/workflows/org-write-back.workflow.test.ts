import { ApplicationFailure } from '@temporalio/common';
import type { OrgWriteBackActivities } from '../../activities/org-write-back.activities';
import { orgWriteBackWorkflow } from '../../workflows/org-write-back.workflow';
import { orgChangeSignal } from '../../workflows/org-write-back.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('orgWriteBackWorkflow', () => {
  const env = workflowTestEnv('local');

  /** A fake queue of pending changes, as MongoDB would hold them, and the order they were written in. */
  function fakeQueue(initial: string[], failFirstAttemptsOf: Record<string, number> = {}) {
    const pending = [...initial];
    const written: string[] = [];
    const attempts = new Map<string, number>();
    const activities: OrgWriteBackActivities = {
      nextPendingOrgChange: async () => ({ changeId: pending[0] ?? null }),
      applyOrgChange: async ({ changeId }) => {
        const attempt = (attempts.get(changeId) ?? 0) + 1;
        attempts.set(changeId, attempt);
        // WeCom busy: thrown, so the activity is retried.
        if (attempt <= (failFirstAttemptsOf[changeId] ?? 0))
          throw ApplicationFailure.retryable('WeCom busy (-1)');
        written.push(changeId);
        pending.splice(pending.indexOf(changeId), 1);
        return { status: 'applied' };
      },
    };
    return { pending, written, attempts, activities };
  }

  async function run(
    name: string,
    queue: ReturnType<typeof fakeQueue>,
    body: (wake: () => Promise<void>) => Promise<void>,
    expected: number,
  ) {
    await env.runWorker(name, queue.activities, async () => {
      const handle = await env.client.workflow.signalWithStart(orgWriteBackWorkflow, {
        workflowId: `org-write-back/${name}`,
        taskQueue: name,
        args: [{ tenantId: name }],
        signal: orgChangeSignal,
        signalArgs: [],
      });
      await body(() => handle.signal(orgChangeSignal));
      while (queue.written.length < expected) await new Promise((r) => setTimeout(r, 50));
      await recordHistoryIfAsked(handle, name);
      await handle.terminate('test done');
    });
  }

  it('writes the pending changes oldest first, one at a time, and waits for the next wake-up', async () => {
    const queue = fakeQueue(['c1', 'c2']);
    await run(
      'org-write-back',
      queue,
      async (wake) => {
        while (queue.written.length < 2) await new Promise((r) => setTimeout(r, 50));
        queue.pending.push('c3');
        await wake();
      },
      3,
    );
    expect(queue.written).toEqual(['c1', 'c2', 'c3']);
  });

  it('retries a change while WeCom is busy and keeps the later ones waiting behind it', async () => {
    const queue = fakeQueue(['slow', 'next'], { slow: 2 });
    await run('org-write-back-retry', queue, async () => undefined, 2);
    expect(queue.written).toEqual(['slow', 'next']);
    expect(queue.attempts.get('slow')).toBe(3);
  });
});

import { ApplicationFailure } from '@temporalio/common';
import type { ListSearchActivities } from '../../activities/list-search.activities';
import { listSearchPendingSignal } from '../../workflows/list-search.contract';
import { listSearchOutboxWorkflow, listSearchRebuildWorkflow } from '../../workflows/list-search.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('list search workflows (客户群, 敏感行为审核 read models)', () => {
  // The drain's retries and its wait for marks too young to take pass on the server's skipped clock.
  const env = workflowTestEnv('time-skipping');

  it('drains the outbox, retrying while the index is down, and comes back for marks too young to take', async () => {
    const taskQueue = 'list-search-outbox';
    let attempts = 0;
    const drains: number[] = [];
    const activities: ListSearchActivities = {
      drainListSearchOutbox: async () => {
        attempts += 1;
        // The index is unreachable on the first attempt.
        if (attempts === 1) throw ApplicationFailure.retryable('connect ECONNREFUSED');
        drains.push(await env.currentTimeMs());
        // First pass: one mark of a write that may still be in flight; the second finds it aged.
        return drains.length === 1 ? { indexed: 2, waiting: 1 } : { indexed: 1, waiting: 0 };
      },
      rebuildListSearchIndex: async () => ({ indexed: 0 }),
    };
    await env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.signalWithStart(listSearchOutboxWorkflow, {
        workflowId: 'list-search-outbox/t1',
        taskQueue,
        args: [{ tenantId: 't1' }],
        signal: listSearchPendingSignal,
        signalArgs: [],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, 'list-search-outbox');
    });
    expect(attempts).toBe(3);
    expect(drains).toHaveLength(2);
    expect(drains[1] - drains[0]).toBeGreaterThanOrEqual(29_000);
  }, 90_000);

  it('refills a read model’s index from MongoDB once', async () => {
    const taskQueue = 'list-search-rebuild';
    const rebuilt: string[] = [];
    const activities: ListSearchActivities = {
      drainListSearchOutbox: async () => ({ indexed: 0, waiting: 0 }),
      rebuildListSearchIndex: async (input) => {
        rebuilt.push(input.kind);
        return { indexed: 10 };
      },
    };
    await env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(listSearchRebuildWorkflow, {
        workflowId: 'list-search-rebuild/x-customer-groups-v1',
        taskQueue,
        args: [{ kind: 'customer-groups' }],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, 'list-search-rebuild');
    });
    expect(rebuilt).toEqual(['customer-groups']);
  }, 60_000);
});

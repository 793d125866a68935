import { ApplicationFailure } from '@temporalio/common';
import type { CustomerSearchActivities } from '../../activities/customer-search.activities';
import {
  customerSearchOutboxWorkflow,
  customerSearchRebuildWorkflow,
} from '../../workflows/customer-search.workflow';
import { customerSearchPendingSignal } from '../../workflows/customer-search.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('customer search workflows', () => {
  const env = workflowTestEnv('local');

  it('drains the outbox, retrying while the index is down, and again when woken meanwhile', async () => {
    const taskQueue = 'customer-search-outbox';
    let attempts = 0;
    let drained = 0;
    const activities: CustomerSearchActivities = {
      drainCustomerSearchOutbox: async () => {
        attempts += 1;
        // The index is unreachable on the first two attempts.
        if (attempts <= 2) throw ApplicationFailure.retryable('connect ECONNREFUSED');
        drained += 1;
        return { indexed: 3 };
      },
      rebuildCustomerSearchIndex: async () => ({ indexed: 0 }),
    };
    await env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.signalWithStart(customerSearchOutboxWorkflow, {
        workflowId: 'customer-search-outbox/t1',
        taskQueue,
        args: [{ tenantId: 't1' }],
        signal: customerSearchPendingSignal,
        signalArgs: [],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, 'customer-search-outbox');
    });
    expect(attempts).toBe(3);
    expect(drained).toBe(1);
  }, 60_000);

  it('refills an index from MongoDB once', async () => {
    const taskQueue = 'customer-search-rebuild';
    const rebuilt: string[] = [];
    const activities: CustomerSearchActivities = {
      drainCustomerSearchOutbox: async () => ({ indexed: 0 }),
      rebuildCustomerSearchIndex: async (names) => {
        rebuilt.push(names.index);
        return { indexed: 10 };
      },
    };
    await env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(customerSearchRebuildWorkflow, {
        workflowId: 'customer-search-rebuild/x-customers-v1',
        taskQueue,
        args: [{ alias: 'x-customers', index: 'x-customers-v1' }],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, 'customer-search-rebuild');
    });
    expect(rebuilt).toEqual(['x-customers-v1']);
  }, 60_000);
});

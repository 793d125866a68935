import { ApplicationFailure } from '@temporalio/common';
import type { CustomerTaggingActivities } from '../../activities/customer-tagging.activities';
import { customerTaggingWorkflow } from '../../workflows/customer-tagging.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('customerTaggingWorkflow', () => {
  const env = workflowTestEnv('local');

  async function run(name: string, activities: CustomerTaggingActivities): Promise<void> {
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(customerTaggingWorkflow, {
        workflowId: `customer-tagging/${name}`,
        taskQueue: name,
        args: [{ tenantId: name, jobId: 'job-1' }],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
  }

  it('writes batch after batch until the job says it is done', async () => {
    let batches = 0;
    await run('customer-tagging', {
      writeCustomerTagBatch: async () => {
        batches += 1;
        return { done: batches === 3 };
      },
    });
    expect(batches).toBe(3);
  });

  it('retries a batch that WeCom could not take (an outage) instead of giving up', async () => {
    let attempts = 0;
    await run('customer-tagging-outage', {
      writeCustomerTagBatch: async () => {
        attempts += 1;
        if (attempts < 3) throw ApplicationFailure.retryable('WeCom -1 system busy', 'WeComApiError');
        return { done: true };
      },
    });
    expect(attempts).toBe(3);
  });
});

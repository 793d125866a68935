import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { CustomerTaggingActivities } from '../../activities/customer-tagging.activities';
import { customerTaggingWorkflow } from '../../workflows/customer-tagging.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { stackEnv } from '../support/stack-env';

describe('customerTaggingWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: stackEnv.temporalBin } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function run(name: string, activities: CustomerTaggingActivities): Promise<void> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: name,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
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

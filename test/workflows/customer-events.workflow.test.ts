import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { CustomerEventActivities } from '../../activities/customer-events.activities';
import { customerEventsWorkflow } from '../../workflows/customer-events.workflow';
import { customerEventSignal } from '../../workflows/customer-events.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { stackEnv } from '../support/stack-env';

describe('customerEventsWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: stackEnv.temporalBin } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('applies signalled events one at a time in arrival order, each once, then picks up stranded ones', async () => {
    const applied: string[] = [];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    let strandedListed = false;
    const activities: CustomerEventActivities = {
      listStrandedCustomerEvents: async () => {
        if (strandedListed) return { inboxKeys: [] };
        strandedListed = true;
        return { inboxKeys: ['stranded'] };
      },
      applyCustomerEvent: async ({ inboxKey }) => {
        if (inboxKey === 'a') await firstHeld;
        applied.push(inboxKey);
        return { status: 'applied' };
      },
    };
    const name = 'customer-events';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: name,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(customerEventsWorkflow, {
        workflowId: `customer-events/${name}`,
        taskQueue: name,
        args: [{ tenantId: name, pending: [] }],
      });
      const signal = (inboxKey: string) => handle.signal(customerEventSignal, { inboxKey });
      await signal('a');
      await signal('b');
      // A redelivery of an event still queued is not queued twice.
      await signal('b');
      await signal('c');
      release();
      while (applied.length < 4) await new Promise((resolve) => setTimeout(resolve, 50));
      await recordHistoryIfAsked(handle, name);
      await handle.terminate('test done');
    });
    expect(applied).toEqual(['a', 'b', 'c', 'stranded']);
  });
});

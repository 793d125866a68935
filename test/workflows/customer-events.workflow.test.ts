import type { CustomerEventActivities } from '../../activities/customer-events.activities';
import { customerEventsWorkflow } from '../../workflows/customer-events.workflow';
import { customerEventSignal } from '../../workflows/customer-events.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('customerEventsWorkflow', () => {
  const env = workflowTestEnv('local');

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
    await env.runWorker(name, activities, async () => {
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

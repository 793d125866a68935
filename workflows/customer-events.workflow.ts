import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CustomerEventActivities } from '../activities/customer-events.activities';
import { customerEventSignal, type CustomerEventsInput } from './customer-events.contract';

const activities = proxyActivities<CustomerEventActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Keeps each run's history small; the queue moves to the next run.
const EVENTS_PER_RUN = 500;
// An inbox row this old that is still "received" missed its signal (Temporal was unreachable then).
const STRANDED_AFTER_MS = 60_000;

/**
 * One workflow per tenant applies change_external_contact / _chat / _tag callbacks one at a time, in the order
 * they arrived, so changes to one customer or group never overtake each other. Applying is idempotent per
 * inbox key, and each step stores WeCom's current state, so a late or repeated event cannot roll data back.
 */
export async function customerEventsWorkflow(input: CustomerEventsInput): Promise<void> {
  const queue = [...input.pending];
  let applied = 0;
  setHandler(customerEventSignal, ({ inboxKey }) => {
    if (!queue.includes(inboxKey)) queue.push(inboxKey);
  });

  for (;;) {
    await condition(() => queue.length > 0);
    while (queue.length > 0) {
      await activities.applyCustomerEvent({ tenantId: input.tenantId, inboxKey: queue[0] });
      queue.shift();
      applied += 1;
      if (queue.length === 0) {
        const receivedBefore = new Date(Date.now() - STRANDED_AFTER_MS).toISOString();
        const stranded = await activities.listStrandedCustomerEvents({
          tenantId: input.tenantId,
          receivedBefore,
        });
        queue.push(...stranded.inboxKeys.filter((key) => !queue.includes(key)));
      }
    }
    if (applied >= EVENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof customerEventsWorkflow>({ tenantId: input.tenantId, pending: queue });
    }
  }
}

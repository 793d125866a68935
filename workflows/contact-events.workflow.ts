import {
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ContactEventActivities } from '../activities/contact-events.activities';
import { contactEventSignal, type ContactEventsInput } from './contact-events.contract';

const activities = proxyActivities<ContactEventActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Keeps each run's history small; the queue moves to the next run.
const EVENTS_PER_RUN = 500;
// An inbox row this old that is still "received" missed its signal (Temporal was unreachable then).
const STRANDED_AFTER_MS = 60_000;

/**
 * One workflow per tenant applies change_contact callbacks one at a time, in the order they arrived,
 * so "rename then delete" never turns into "delete then rename". Applying is idempotent per inbox key.
 */
export async function contactEventsWorkflow(input: ContactEventsInput): Promise<void> {
  const queue = [...input.pending];
  let applied = 0;
  setHandler(contactEventSignal, ({ inboxKey }) => {
    if (!queue.includes(inboxKey)) queue.push(inboxKey);
  });

  for (;;) {
    await condition(() => queue.length > 0);
    while (queue.length > 0) {
      await activities.applyContactEvent({ tenantId: input.tenantId, inboxKey: queue[0] });
      queue.shift();
      applied += 1;
      // Workflows started before this step existed replay without it (patching keeps them deterministic).
      if (queue.length === 0 && patched('recover-stranded-contact-events')) {
        const receivedBefore = new Date(Date.now() - STRANDED_AFTER_MS).toISOString();
        const stranded = await activities.listStrandedContactEvents({
          tenantId: input.tenantId,
          receivedBefore,
        });
        queue.push(...stranded.inboxKeys.filter((key) => !queue.includes(key)));
      }
    }
    if (applied >= EVENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof contactEventsWorkflow>({ tenantId: input.tenantId, pending: queue });
    }
  }
}

import { proxyActivities } from '@temporalio/workflow';
import type { NewContactWelcomeActivities } from '../activities/new-contact-welcome.activities';
import type { NewContactWelcomeInput } from './new-contact-welcome.contract';

const local = proxyActivities<NewContactWelcomeActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Waiting for our customer record (the customer-events workflow) and WeCom outages: retried without end.
const tagging = proxyActivities<NewContactWelcomeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The least time worth trying a welcome in; WeCom's window is 20 s from the event. */
const MIN_WELCOME_MS = 1_000;

/**
 * A customer added a member: send the welcome inside WeCom's 20-second window (retrying a busy or unreachable
 * WeCom only while the window lasts), then tag the relation with the code's tags.
 */
export async function newContactWelcomeWorkflow(input: NewContactWelcomeInput): Promise<void> {
  const plan = await local.prepareNewContact(input);
  if (plan.welcome) {
    const remaining = plan.welcomeDeadline - Date.now();
    const sender = proxyActivities<NewContactWelcomeActivities>({
      startToCloseTimeout: '5 seconds',
      scheduleToCloseTimeout: Math.max(remaining, MIN_WELCOME_MS),
      retry: { initialInterval: '300 milliseconds', backoffCoefficient: 1.5, maximumInterval: '3 seconds' },
    });
    try {
      await sender.sendNewContactWelcome(input);
    } catch {
      await local.recordWelcomeMissed(input);
    }
  }
  if (plan.tagging) await tagging.tagNewContact(input);
}

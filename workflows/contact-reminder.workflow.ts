import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ContactReminderActivities } from '../activities/contact-reminder.activities';
import {
  cancelReminderSignal,
  reminderStateQuery,
  rescheduleReminderSignal,
  type ContactReminderInput,
} from './contact-reminder.contract';

const activities = proxyActivities<ContactReminderActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 30,
  },
});

/**
 * 提醒事项 (R-3.1.3-04, DESIGN "reminders"): @-mentioned colleagues get a WeCom app message at once; the
 * 定时提醒 is a durable timer to the minute, then one app message to the creator and the mentioned
 * colleagues (I-50). Deleting the record cancels it; a new time reschedules it. The timer lives in
 * Temporal, so a worker restart neither loses nor repeats it.
 */
export async function contactReminderWorkflow(input: ContactReminderInput): Promise<void> {
  let remindAt = input.remindAt;
  let cancelled = false;
  let rescheduled = false;
  let sent = false;
  setHandler(cancelReminderSignal, () => {
    cancelled = true;
  });
  setHandler(rescheduleReminderSignal, (at) => {
    remindAt = at;
    rescheduled = true;
  });
  setHandler(reminderStateQuery, () => ({ remindAt, cancelled, sent }));

  const { tenantId, recordId } = input;
  if (input.notifyMentions && !cancelled) {
    await activities.sendContactReminder({ tenantId, recordId, occasion: 'mention' });
  }
  while (remindAt !== undefined && !cancelled) {
    rescheduled = false;
    const woken = await condition(() => cancelled || rescheduled, Math.max(remindAt - Date.now(), 1));
    if (woken) continue;
    await activities.sendContactReminder({ tenantId, recordId, occasion: 'due' });
    sent = true;
    return;
  }
}

import type {
  ContactReminderActivities,
  SendContactReminderInput,
} from '../../activities/contact-reminder.activities';
import { contactReminderWorkflow } from '../../workflows/contact-reminder.workflow';
import {
  cancelReminderSignal,
  reminderStateQuery,
  rescheduleReminderSignal,
  type ContactReminderInput,
} from '../../workflows/contact-reminder.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('contactReminderWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  /** Runs one reminder with an activity that notes each send (and when), and hands `drive` its handle. */
  async function run(
    name: string,
    input: Omit<ContactReminderInput, 'tenantId' | 'recordId'>,
    drive: (handle: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<void> = async () => {},
    failFirst = 0,
  ) {
    const sent: Array<SendContactReminderInput['occasion'] & string> = [];
    const sentAt: number[] = [];
    let failures = failFirst;
    const activities: ContactReminderActivities = {
      sendContactReminder: async ({ occasion }) => {
        if (failures-- > 0) throw new Error('WeCom unavailable');
        sent.push(occasion);
        sentAt.push(Date.now());
        return 'sent';
      },
    };
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(contactReminderWorkflow, {
        workflowId: `contact-reminder/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', recordId: name, ...input }],
      });
      await drive(handle);
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
    return { sent, sentAt };
  }

  it('messages the @mentioned at once, then sleeps until the minute and reminds once', async () => {
    const remindAt = (await env.currentTimeMs()) + 3 * DAY;
    const { sent } = await run('contact-reminder', { notifyMentions: true, remindAt }, async (handle) => {
      await env.sleep(DAY);
      expect(await handle.query(reminderStateQuery)).toEqual({ remindAt, cancelled: false, sent: false });
    });
    expect(sent).toEqual(['mention', 'due']);
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(remindAt);
  });

  it('a deleted record’s reminder never fires', async () => {
    const remindAt = (await env.currentTimeMs()) + DAY;
    const { sent } = await run(
      'contact-reminder-cancelled',
      { notifyMentions: false, remindAt },
      async (handle) => {
        await env.sleep(MINUTE);
        await handle.signal(cancelReminderSignal);
      },
    );
    expect(sent).toEqual([]);
  });

  it('a new time restarts the timer from it', async () => {
    const now = await env.currentTimeMs();
    const { sent } = await run(
      'contact-reminder-rescheduled',
      { notifyMentions: false, remindAt: now + DAY },
      async (handle) => {
        await handle.signal(rescheduleReminderSignal, now + 5 * DAY);
        await env.sleep(2 * DAY);
        expect((await handle.query(reminderStateQuery)).sent).toBe(false);
      },
    );
    expect(sent).toEqual(['due']);
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(now + 5 * DAY);
  });

  it('retries a failed send until WeCom takes it', async () => {
    const remindAt = (await env.currentTimeMs()) + MINUTE;
    const { sent } = await run('contact-reminder-retried', { notifyMentions: false, remindAt }, undefined, 2);
    expect(sent).toEqual(['due']);
  });
});

import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { MassSendActivities } from '../../activities/mass-send.activities';
import type { MassSendProgress, MassSendStatus } from '../../lib/contracts/mass-send.contract';
import { massSendWorkflow } from '../../workflows/mass-send.workflow';
import {
  cancelMassSendSignal,
  editMassSendUpdate,
  massSendStateQuery,
  refreshMassSendResultsSignal,
  remindMassSendUpdate,
  type MassSendEdit,
  type MassSendWorkflowInput,
} from '../../workflows/mass-send.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fake activities that note what the workflow asked for, and when (server time). */
function fakeActivities(options: {
  status: MassSendStatus;
  sendAt: number | null;
  settleAfterPolls?: number;
  refusedSender?: string;
}) {
  const calls: Array<{ name: string; at: number; detail?: unknown }> = [];
  // The server's time (skipped ahead by timers), as the workflow sees it.
  const note = (name: string, detail?: unknown) => {
    calls.push({ name, at: activityInfo().currentAttemptScheduledTimestampMs, detail });
  };
  let polls = 0;
  const progress = (unsent: number): MassSendProgress => ({ total: 3, sent: 3 - unsent, unsent, failed: 0 });
  const activities: MassSendActivities = {
    loadMassSend: async () => ({ status: options.status, sendAt: options.sendAt, remindAfterHours: 2 }),
    setMassSendStatus: async ({ status }) => note(`status:${status}`),
    applyMassSendEdit: async ({ edit }) => note('edit', edit.timing),
    resolveMassSendRecipients: async () => {
      note('resolve');
      return { senders: ['zhang', 'li'], total: 3 };
    },
    createSenderTemplates: async ({ senderUserid }) => {
      if (senderUserid === options.refusedSender) {
        throw ApplicationFailure.nonRetryable('not an active member', 'WeComRefusedError');
      }
      note('template', senderUserid);
      return { created: 1 };
    },
    finishMassSendDispatch: async () => {
      note('finish');
      return { status: 'sent' };
    },
    pollMassSendResults: async () => {
      polls += 1;
      note('poll');
      const settled = options.settleAfterPolls !== undefined && polls >= options.settleAfterPolls;
      return { progress: progress(settled ? 0 : 1), settled };
    },
    remindMassSend: async () => {
      note('remind');
      return { reminded: true };
    },
    cancelMassSendInWeCom: async () => note('cancel-in-wecom'),
  };
  return { activities, calls, names: () => calls.map((call) => call.name) };
}

const edit = (timing: MassSendEdit['timing']): MassSendEdit => ({
  audience: { kind: 'customers', customers: { mode: 'all', excludeTagIds: [] } },
  text: '双十二活动',
  timing,
  remindAfterHours: 2,
});

describe('massSendWorkflow (W-13, I-67)', () => {
  const env = workflowTestEnv('time-skipping');

  async function run(
    name: string,
    fake: ReturnType<typeof fakeActivities>,
    drive: (handle: WorkflowHandle<typeof massSendWorkflow>) => Promise<void> = async () => {},
    resumed: Pick<MassSendWorkflowInput, 'sentAt' | 'remindedAt'> = {},
  ) {
    await env.runWorker(name, fake.activities, async () => {
      const handle = await env.client.workflow.start(massSendWorkflow, {
        workflowId: `mass-send/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', sendId: name, ...resumed }],
      });
      await drive(handle);
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
  }

  it('waits for its time, creates each sender’s template, and polls until everyone has sent', async () => {
    const start = await env.currentTimeMs();
    const fake = fakeActivities({ status: 'scheduled', sendAt: start + DAY, settleAfterPolls: 3 });
    await run('mass-send', fake, async (handle) => {
      await env.sleep(HOUR);
      expect((await handle.query(massSendStateQuery)).status).toBe('scheduled');
    });
    expect(fake.names()).toEqual([
      'status:sending',
      'resolve',
      'template',
      'template',
      'finish',
      'poll',
      'poll',
      'poll',
    ]);
    expect(fake.calls[0].at).toBeGreaterThanOrEqual(start + DAY);
    const [first, second] = fake.calls.filter((call) => call.name === 'poll');
    expect(second.at - first.at).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(second.at - first.at).toBeLessThan(10 * MINUTE + 5_000);
  });

  it('sends for the other members when WeCom refuses one sender for good', async () => {
    const fake = fakeActivities({
      status: 'scheduled',
      sendAt: null,
      settleAfterPolls: 1,
      refusedSender: 'zhang',
    });
    await run('mass-send-refused-sender', fake);
    expect(fake.names()).toEqual(['status:sending', 'resolve', 'template', 'finish', 'poll']);
  });

  it('takes an edit before its time and refuses one after the timer fired', async () => {
    const start = await env.currentTimeMs();
    const fake = fakeActivities({ status: 'scheduled', sendAt: start + DAY, settleAfterPolls: 20 });
    const later = new Date(start + 2 * DAY).toISOString();
    await run('mass-send-edit', fake, async (handle) => {
      await handle.executeUpdate(editMassSendUpdate, { args: [edit({ mode: 'scheduled', sendAt: later })] });
      await env.sleep(DAY + HOUR);
      expect((await handle.query(massSendStateQuery)).status).toBe('scheduled');
      await env.sleep(DAY);
      await expect(
        handle.executeUpdate(editMassSendUpdate, { args: [edit({ mode: 'now' })] }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    });
    const sending = fake.calls.find((call) => call.name === 'status:sending');
    expect(sending?.at).toBeGreaterThanOrEqual(start + 2 * DAY);
    expect(fake.names().filter((name) => name === 'edit')).toHaveLength(1);
  });

  it('sends nothing when cancelled before its time', async () => {
    const start = await env.currentTimeMs();
    const fake = fakeActivities({ status: 'scheduled', sendAt: start + DAY });
    await run('mass-send-cancel', fake, async (handle) => {
      await env.sleep(HOUR);
      await handle.signal(cancelMassSendSignal);
    });
    expect(fake.names()).toEqual(['status:cancelled']);
  });

  it('polls every 10 minutes for the first 24 hours, then hourly, with the reminder once due', async () => {
    const fake = fakeActivities({ status: 'sent', sendAt: null, settleAfterPolls: 6 });
    const start = await env.currentTimeMs();
    // Resumed (as after continueAsNew) 23 h 30 min after the templates went out.
    await run('mass-send-day-one', fake, undefined, { sentAt: start - DAY + 30 * MINUTE });
    const polls = fake.calls.filter((call) => call.name === 'poll').map((call) => call.at);
    const gaps = polls.slice(1).map((at, i) => Math.round((at - polls[i]) / MINUTE));
    expect(gaps).toEqual([10, 10, 60, 60, 60]);
    // remindAfterHours (2) has long passed: one automatic reminder, after the first poll.
    expect(fake.names().filter((name) => name === 'remind')).toHaveLength(1);
  });

  it('polls at once when 刷新 asks, and a burst of presses polls at most once a minute', async () => {
    const fake = fakeActivities({ status: 'sent', sendAt: null, settleAfterPolls: 3 });
    const start = await env.currentTimeMs();
    await run(
      'mass-send-refresh',
      fake,
      async (handle) => {
        await env.sleep(2 * MINUTE);
        await handle.signal(refreshMassSendResultsSignal);
        await env.sleep(10_000);
        await handle.signal(refreshMassSendResultsSignal);
        await handle.signal(refreshMassSendResultsSignal);
      },
      { sentAt: start },
    );
    const polls = fake.calls.filter((call) => call.name === 'poll').map((call) => call.at - start);
    // 2 min (the first press), 1 minute later for the burst, then the 10-minute step from there.
    expect(polls.map((at) => Math.round(at / 10_000) * 10_000)).toEqual([
      2 * MINUTE,
      3 * MINUTE,
      13 * MINUTE,
    ]);
  });

  it('stops polling 7 days after it went out, leaving the rest 未发送', async () => {
    const fake = fakeActivities({ status: 'sent', sendAt: null });
    const start = await env.currentTimeMs();
    const sentAt = start - 7 * DAY + 150 * MINUTE;
    await run('mass-send-7-days', fake, undefined, { sentAt, remindedAt: [start - DAY] });
    const polls = fake.calls.filter((call) => call.name === 'poll').map((call) => call.at);
    expect(polls).toHaveLength(3);
    expect(polls[2] - sentAt).toBeGreaterThanOrEqual(7 * DAY);
    expect(polls[2] - sentAt).toBeLessThan(7 * DAY + MINUTE);
    expect(fake.names()).not.toContain('remind');
  });

  it('takes 3 reminders in 24 hours and refuses a 4th', async () => {
    const fake = fakeActivities({ status: 'sending', sendAt: null, settleAfterPolls: 20 });
    await run('mass-send-remind', fake, async (handle) => {
      await env.sleep(5 * MINUTE);
      // The automatic one (after 2 hours) has not come yet: three by hand are allowed.
      for (let i = 0; i < 3; i++) await handle.executeUpdate(remindMassSendUpdate);
      await expect(handle.executeUpdate(remindMassSendUpdate)).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
    });
    expect(fake.names().filter((name) => name === 'remind')).toHaveLength(3);
  });
});

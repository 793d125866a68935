import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ContactEventActivities } from '../../activities/contact-events.activities';
import { contactEventsWorkflow, contactEventSignal } from '../../workflows/contact-events.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { stackEnv } from '../support/stack-env';

describe('contactEventsWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: stackEnv.temporalBin } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('applies signalled events one at a time, in arrival order, each once', async () => {
    const applied: string[] = [];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const activities: ContactEventActivities = {
      listStrandedContactEvents: async () => ({ inboxKeys: [] }),
      applyContactEvent: async ({ inboxKey }) => {
        if (inboxKey === 'a') await firstHeld;
        applied.push(inboxKey);
        return { status: 'applied' };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'contact-events',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(contactEventsWorkflow, {
        workflowId: 'contact-events/t1',
        taskQueue: 'contact-events',
        args: [{ tenantId: 't1', pending: [] }],
      });
      await handle.signal(contactEventSignal, { inboxKey: 'a' });
      await handle.signal(contactEventSignal, { inboxKey: 'b' });
      // A redelivered event that is still queued is not queued twice.
      await handle.signal(contactEventSignal, { inboxKey: 'b' });
      await handle.signal(contactEventSignal, { inboxKey: 'c' });
      release();
      while (applied.length < 3) await new Promise((r) => setTimeout(r, 50));
      await recordHistoryIfAsked(handle, 'contact-events');
      await handle.terminate('test done');
    });
    expect(applied).toEqual(['a', 'b', 'c']);
  });

  it('after each batch, picks up stored events whose signal never arrived', async () => {
    const applied: string[] = [];
    let strandedListed = false;
    const activities: ContactEventActivities = {
      listStrandedContactEvents: async () => {
        if (strandedListed) return { inboxKeys: [] };
        strandedListed = true;
        return { inboxKeys: ['stranded-1', 'stranded-2'] };
      },
      applyContactEvent: async ({ inboxKey }) => {
        applied.push(inboxKey);
        return { status: 'applied' };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'contact-events-stranded',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(contactEventsWorkflow, {
        workflowId: 'contact-events/t2',
        taskQueue: 'contact-events-stranded',
        args: [{ tenantId: 't2', pending: [] }],
      });
      await handle.signal(contactEventSignal, { inboxKey: 'fresh' });
      while (applied.length < 3) await new Promise((r) => setTimeout(r, 50));
      await recordHistoryIfAsked(handle, 'contact-events-stranded');
      await handle.terminate('test done');
    });
    expect(applied).toEqual(['fresh', 'stranded-1', 'stranded-2']);
  });
});

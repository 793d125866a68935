import type { ContactEventActivities } from '../../activities/contact-events.activities';
import { contactEventsWorkflow } from '../../workflows/contact-events.workflow';
import { contactEventSignal } from '../../workflows/contact-events.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('contactEventsWorkflow', () => {
  const env = workflowTestEnv('local');

  /**
   * Runs one contactEventsWorkflow on its own task queue with the given activities, sends the signals,
   * and waits until `expected` events were applied; returns them in the order they were applied.
   */
  async function applyInWorkflow(
    name: string,
    activities: (applied: string[]) => ContactEventActivities,
    send: (signal: (inboxKey: string) => Promise<void>) => Promise<void>,
    expected: number,
  ): Promise<string[]> {
    const applied: string[] = [];
    await env.runWorker(name, activities(applied), async () => {
      const handle = await env.client.workflow.start(contactEventsWorkflow, {
        workflowId: `contact-events/${name}`,
        taskQueue: name,
        args: [{ tenantId: name, pending: [] }],
      });
      await send((inboxKey) => handle.signal(contactEventSignal, { inboxKey }));
      while (applied.length < expected) await new Promise((r) => setTimeout(r, 50));
      await recordHistoryIfAsked(handle, name);
      await handle.terminate('test done');
    });
    return applied;
  }

  it('applies signalled events one at a time, in arrival order, each once', async () => {
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const applied = await applyInWorkflow(
      'contact-events',
      (log) => ({
        listStrandedContactEvents: async () => ({ inboxKeys: [] }),
        applyContactEvent: async ({ inboxKey }) => {
          if (inboxKey === 'a') await firstHeld;
          log.push(inboxKey);
          return { status: 'applied' };
        },
      }),
      async (signal) => {
        await signal('a');
        await signal('b');
        // A redelivered event that is still queued is not queued twice.
        await signal('b');
        await signal('c');
        release();
      },
      3,
    );
    expect(applied).toEqual(['a', 'b', 'c']);
  });

  it('after each batch, picks up stored events whose signal never arrived', async () => {
    let strandedListed = false;
    const applied = await applyInWorkflow(
      'contact-events-stranded',
      (log) => ({
        listStrandedContactEvents: async () => {
          if (strandedListed) return { inboxKeys: [] };
          strandedListed = true;
          return { inboxKeys: ['stranded-1', 'stranded-2'] };
        },
        applyContactEvent: async ({ inboxKey }) => {
          log.push(inboxKey);
          return { status: 'applied' };
        },
      }),
      (signal) => signal('fresh'),
      3,
    );
    expect(applied).toEqual(['fresh', 'stranded-1', 'stranded-2']);
  });
});

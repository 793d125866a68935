import type { HandoverActivities } from '../../activities/handover.activities';
import {
  HANDOVER_POLL_MS,
  HANDOVER_POLLS_PER_RUN,
  handoverProgressQuery,
} from '../../workflows/handover.contract';
import { handoverWorkflow } from '../../workflows/handover.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const HOUR = 60 * 60_000;

describe('handoverWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  /**
   * Fake activities standing in for WeCom: the transfer starts once, and the takeover is decided `takeoverMs`
   * of server time after it (WeCom's 24 h).
   */
  async function run(name: string, takeoverMs: number, failFirstPoll = false) {
    let starts = 0;
    let startedAt = 0;
    const polledAt: number[] = [];
    let failures = failFirstPoll ? 1 : 0;
    const activities: HandoverActivities = {
      startHandoverTransfers: async () => {
        starts += 1;
        startedAt = await env.currentTimeMs();
      },
      pollHandoverResults: async () => {
        if (failures-- > 0) throw new Error('WeCom unavailable');
        const now = await env.currentTimeMs();
        polledAt.push(now);
        return { pending: now - startedAt >= takeoverMs ? 0 : 3 };
      },
    };
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(handoverWorkflow, {
        workflowId: `handover/t1/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1', handoverId: name }],
      });
      await env.sleep(HOUR / 2);
      expect(await handle.query(handoverProgressQuery)).toEqual({ pending: 3 });
      await handle.result();
      await recordHistoryIfAsked(handle, name);
    });
    return { starts, startedAt, polledAt };
  }

  it('starts the transfers once, then polls hourly through WeCom’s 24 h until nobody is waiting', async () => {
    const { starts, startedAt, polledAt } = await run('handover', 24 * HOUR);
    expect(starts).toBe(1);
    // Right after the calls, then hourly until the 24 h are up.
    expect(polledAt).toHaveLength(25);
    expect(polledAt.at(-1)! - startedAt).toBeGreaterThanOrEqual(24 * HOUR);
    expect(polledAt.at(-1)! - startedAt).toBeLessThan(24 * HOUR + HANDOVER_POLL_MS);
  });

  it('a takeover later than a run’s polls continues as new without calling WeCom’s transfer again', async () => {
    const { starts, polledAt } = await run('handover-continued', (HANDOVER_POLLS_PER_RUN + 5) * HOUR);
    expect(starts).toBe(1);
    expect(polledAt.length).toBeGreaterThan(HANDOVER_POLLS_PER_RUN);
  });

  it('a failed poll is retried, not lost', async () => {
    const { polledAt } = await run('handover-retried', 2 * HOUR, true);
    expect(polledAt.length).toBeGreaterThanOrEqual(3);
  });
});

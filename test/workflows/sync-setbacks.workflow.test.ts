import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { customerSyncWorkflow } from '../../workflows/customer-sync.workflow';
import { SETBACK_PAUSES_MS } from '../../workflows/sync-setbacks';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

/** 8 attempts per activity call (the syncs' retry policy). */
const ATTEMPTS_PER_ROUND = 8;

describe('a sync step whose retries run out', () => {
  const env = workflowTestEnv('time-skipping');

  /** The customer sync with one member and one page, whose page step fails `failures` times first. */
  function activities(calls: string[], failures: number, failure = () => new Error('connect ECONNREFUSED')) {
    let failed = 0;
    return {
      beginSync: async () => ({ startedAt: '2026-12-01T00:00:00.000Z' }),
      finishSync: async ({ status, error }: { status: string; error?: string }) => {
        calls.push(`finish:${status}${error ? `:${error}` : ''}`);
      },
      noteSyncSetback: async ({ reason, retryAt }: { reason: string; retryAt: string }) => {
        calls.push(`setback:${reason}`);
        expect(Number.isNaN(Date.parse(retryAt))).toBe(false);
      },
      listFollowUsers: async () => ({ userids: ['u1'] }),
      syncCustomerPage: async () => {
        if (failed < failures) {
          failed += 1;
          throw failure();
        }
        calls.push('page');
        return { nextCursor: '', relations: 1 };
      },
      endUnseenRelations: async () => ({ ended: 0 }),
      countSyncedCustomers: async () => ({ customers: 1 }),
    };
  }

  async function run(name: string, acts: ReturnType<typeof activities>): Promise<number> {
    return env.runWorker(name, acts, async () => {
      const handle = await env.client.workflow.start(customerSyncWorkflow, {
        workflowId: name,
        taskQueue: name,
        args: [{ tenantId: 't1', trigger: 'schedule' }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, name);
      }
    });
  }

  it('pauses, notes why on the run, and carries on from the same page', async () => {
    const calls: string[] = [];
    expect(await run('customer-sync-setback-once', activities(calls, ATTEMPTS_PER_ROUND + 2))).toBe(1);
    expect(calls).toEqual(['setback:connect ECONNREFUSED', 'page', 'finish:completed']);
  });

  it('fails the run for good after the last pause, with the reason', async () => {
    const calls: string[] = [];
    const rounds = SETBACK_PAUSES_MS.length + 1;
    await expect(
      run('customer-sync-setback-final', activities(calls, rounds * ATTEMPTS_PER_ROUND)),
    ).rejects.toThrow(WorkflowFailedError);
    expect(calls).toEqual([
      ...Array.from({ length: SETBACK_PAUSES_MS.length }, () => 'setback:connect ECONNREFUSED'),
      'finish:failed:connect ECONNREFUSED',
    ]);
  });

  it('does not wait on a refusal that waiting cannot fix', async () => {
    const calls: string[] = [];
    const refused = () => ApplicationFailure.nonRetryable('WeCom failed: 48002 api forbidden');
    await expect(run('customer-sync-setback-refused', activities(calls, 1, refused))).rejects.toThrow(
      WorkflowFailedError,
    );
    expect(calls).toEqual(['finish:failed:WeCom failed: 48002 api forbidden']);
  });
});

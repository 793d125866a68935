import type { TenantValidityActivities } from '../../activities/tenant-validity.activities';
import type { TenantPhase } from '../../workflows/tenant-validity.contract';
import { tenantValidityWorkflow } from '../../workflows/tenant-validity.workflow';
import { tenantValidityQuery, validityChangedSignal } from '../../workflows/tenant-validity.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

const DAY = 24 * 60 * 60 * 1000;

describe('tenantValidityWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  /** Runs the workflow with an activity that records each phase applied, and hands `drive` its handle. */
  async function run(
    name: string,
    window: { effectiveAt: string; expiresAt: string },
    drive: (
      handle: Awaited<ReturnType<typeof env.client.workflow.start>>,
      applied: TenantPhase[],
    ) => Promise<void>,
  ): Promise<TenantPhase[]> {
    const applied: TenantPhase[] = [];
    const activities: TenantValidityActivities = {
      applyTenantPhase: async ({ phase }) => {
        applied.push(phase);
      },
    };
    await env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(tenantValidityWorkflow, {
        workflowId: `tenant-validity/${name}`,
        taskQueue: name,
        args: [{ tenantId: name, window }],
      });
      await drive(handle, applied);
      await recordHistoryIfAsked(handle, name);
      await handle.terminate('test done');
    });
    return applied;
  }

  const iso = (ms: number) => new Date(ms).toISOString();

  it('goes from pending to active at 生效时间 and to expired at 到期时间, each applied once', async () => {
    const now = await env.currentTimeMs();
    const applied = await run(
      'tenant-validity',
      { effectiveAt: iso(now + DAY), expiresAt: iso(now + 30 * DAY) },
      async (handle, log) => {
        while (log.length < 1) await env.sleep(1000);
        expect(await handle.query(tenantValidityQuery)).toMatchObject({ phase: 'pending' });
        await env.sleep(2 * DAY);
        expect(log).toEqual(['pending', 'active']);
        await env.sleep(30 * DAY);
        expect(await handle.query(tenantValidityQuery)).toMatchObject({ phase: 'expired' });
      },
    );
    expect(applied).toEqual(['pending', 'active', 'expired']);
  });

  it('an operator extending an expired tenant makes it active again at once, then expire at the new date', async () => {
    const now = await env.currentTimeMs();
    const applied = await run(
      'tenant-validity-extended',
      { effectiveAt: iso(now - 10 * DAY), expiresAt: iso(now - DAY) },
      async (handle, log) => {
        while (log.length < 1) await env.sleep(1000);
        const later = await env.currentTimeMs();
        await handle.signal(validityChangedSignal, {
          effectiveAt: iso(now - 10 * DAY),
          expiresAt: iso(later + 5 * DAY),
        });
        while (log.length < 2) await env.sleep(1000);
        // A change that keeps the phase applies nothing again.
        await handle.signal(validityChangedSignal, {
          effectiveAt: iso(now - 10 * DAY),
          expiresAt: iso(later + 7 * DAY),
        });
        await env.sleep(6 * DAY);
        expect(log).toEqual(['expired', 'active']);
        await env.sleep(2 * DAY);
      },
    );
    expect(applied).toEqual(['expired', 'active', 'expired']);
  });
});

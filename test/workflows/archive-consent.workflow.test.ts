import type {
  ArchiveConsentActivities,
  ArchivedStaffResult,
} from '../../activities/archive-consent.activities';
import { archiveConsentSyncWorkflow } from '../../workflows/archive-consent.workflow';
import { type ArchiveConsentSummary } from '../../workflows/archive-consent.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('archiveConsentSyncWorkflow', () => {
  const env = workflowTestEnv('time-skipping');

  async function run(name: string, activities: ArchiveConsentActivities): Promise<ArchiveConsentSummary> {
    return env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(archiveConsentSyncWorkflow, {
        workflowId: `archive-consent/${name}`,
        taskQueue: name,
        args: [{ tenantId: 't1' }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, name);
      }
    });
  }

  const STARTED_AT = '2026-12-01T00:00:00.000Z';

  it('reads the archived members, their customers 20 members a step, then drops what it did not see', async () => {
    const steps: string[][] = [];
    const dropped: string[] = [];
    const userids = Array.from({ length: 45 }, (_, i) => `u${i}`);
    const summary = await run('archive-consent', {
      markArchivedStaff: async (): Promise<ArchivedStaffResult> => ({
        status: 'ready',
        userids,
        startedAt: STARTED_AT,
      }),
      syncStaffConsent: async ({ userids: slice }) => {
        steps.push(slice);
        return { checked: slice.length * 3 };
      },
      dropUnseenConsent: async ({ startedAt }) => {
        dropped.push(startedAt);
        return { dropped: 2 };
      },
    });
    expect(steps.map((slice) => slice.length)).toEqual([20, 20, 5]);
    expect(steps.flat()).toEqual(userids);
    expect(dropped).toEqual([STARTED_AT]);
    expect(summary).toEqual({ staff: 45, checked: 135, dropped: 2 });
  });

  it('retries a failed step until it lands and still drops only after every member was read', async () => {
    let failures = 0;
    const order: string[] = [];
    const summary = await run('archive-consent-retried', {
      markArchivedStaff: async () => ({
        status: 'ready',
        userids: ['lina', 'wangwei'],
        startedAt: STARTED_AT,
      }),
      syncStaffConsent: async ({ userids }) => {
        if (failures < 2) {
          failures += 1;
          throw new Error('connect ECONNREFUSED 127.0.0.1:8080');
        }
        order.push('sync');
        return { checked: userids.length };
      },
      dropUnseenConsent: async () => {
        order.push('drop');
        return { dropped: 0 };
      },
    });
    expect(failures).toBe(2);
    expect(order).toEqual(['sync', 'drop']);
    expect(summary).toEqual({ staff: 2, checked: 2, dropped: 0 });
  });

  it('ends quietly, saying why, when the archive cannot be read', async () => {
    let touched = false;
    const summary = await run('archive-consent-idle', {
      markArchivedStaff: async () => ({ status: 'idle', reason: '企业微信尚未开通会话内容存档' }),
      syncStaffConsent: async () => {
        touched = true;
        return { checked: 0 };
      },
      dropUnseenConsent: async () => {
        touched = true;
        return { dropped: 0 };
      },
    });
    expect(touched).toBe(false);
    expect(summary).toEqual({ staff: 0, checked: 0, dropped: 0, idleReason: '企业微信尚未开通会话内容存档' });
  });
});

import type { OrgSyncActivities } from '../../activities/org-sync.activities';
import { ALL_SEARCH_ATTRIBUTE_KEYS } from '../../lib/temporal/search-attributes';
import { orgSyncWorkflow } from '../../workflows/org-sync.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('orgSyncWorkflow', () => {
  const env = workflowTestEnv('local', { searchAttributes: ALL_SEARCH_ATTRIBUTE_KEYS });

  function fakeActivities(overrides: Partial<OrgSyncActivities> = {}) {
    const calls: string[] = [];
    const activities: OrgSyncActivities = {
      beginOrgSync: async () => {
        calls.push('begin');
        return { startedAt: '2026-11-25T00:00:00.000Z' };
      },
      syncDepartments: async () => {
        calls.push('departments');
        return { departmentIds: Array.from({ length: 45 }, (_, i) => i + 1) };
      },
      syncStaffOfDepartments: async ({ departmentIds }) => {
        calls.push(`staff:${departmentIds.length}`);
        return { staff: departmentIds.length };
      },
      removeVanishedOrgRecords: async () => {
        calls.push('remove');
        return { departments: 45, staff: 30 };
      },
      finishOrgSync: async ({ status, count }) => {
        calls.push(`finish:${status}:${count}`);
      },
      ...overrides,
    };
    return { calls, activities };
  }

  async function run(activities: OrgSyncActivities, taskQueue: string) {
    return env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(orgSyncWorkflow, {
        workflowId: `org-sync/t1/${taskQueue}`,
        taskQueue,
        args: [{ tenantId: 't1', trigger: 'manual' }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, taskQueue);
      }
    });
  }

  it('reads departments, then staff 20 departments at a time, then removes vanished records', async () => {
    const { calls, activities } = fakeActivities();
    const result = await run(activities, 'org-sync-happy');
    expect(result).toEqual({ departments: 45, staff: 30 });
    expect(calls).toEqual([
      'begin',
      'departments',
      'staff:20',
      'staff:20',
      'staff:5',
      'remove',
      'finish:completed:75',
    ]);
  });

  it('when a step fails for good, records the run as failed and fails the workflow', async () => {
    const { ApplicationFailure } = await import('@temporalio/activity');
    const { calls, activities } = fakeActivities({
      syncDepartments: async () => {
        throw ApplicationFailure.nonRetryable('WeCom 40001 invalid credential', 'WeComConfigurationError');
      },
    });
    await expect(run(activities, 'org-sync-failing')).rejects.toThrow();
    expect(calls).toEqual(['begin', 'finish:failed:0']);
  });
});

import { ApplicationFailure } from '@temporalio/common';
import type { CustomerSyncActivities } from '../../activities/customer-sync.activities';
import {
  corpTagSyncWorkflow,
  customerGroupSyncWorkflow,
  customerSyncWorkflow,
} from '../../workflows/customer-sync.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('customer-side sync workflows', () => {
  const env = workflowTestEnv('local');

  function fakeActivities(
    calls: string[],
    overrides: Partial<CustomerSyncActivities> = {},
  ): CustomerSyncActivities {
    return {
      beginSync: async ({ kind }) => {
        calls.push(`begin:${kind}`);
        return { startedAt: '2026-11-25T00:00:00.000Z' };
      },
      finishSync: async ({ status, count }) => {
        calls.push(`finish:${status}:${count}`);
      },
      // 150 members: two batches of ≤100; the first has two pages.
      listFollowUsers: async () => {
        calls.push('follow-users');
        return { userids: Array.from({ length: 150 }, (_, i) => `u${i}`) };
      },
      syncCustomerPage: async ({ userids, cursor }) => {
        calls.push(`page:${userids.length}:${cursor}`);
        return { nextCursor: userids[0] === 'u0' && cursor === '' ? 'next' : '', relations: 100 };
      },
      endUnseenRelations: async () => {
        calls.push('sweep');
        return { ended: 1 };
      },
      countSyncedCustomers: async () => ({ customers: 240 }),
      syncCorpTags: async () => {
        calls.push('tags');
        return { groups: 2, tags: 7 };
      },
      listGroupChatPage: async ({ cursor, ownerUserids }) => {
        calls.push(`groups:${cursor}:${ownerUserids?.length ?? 'all'}`);
        if (!ownerUserids) return { chatIds: [], nextCursor: '', ownerFilterRequired: true };
        return {
          chatIds: ownerUserids.slice(0, 30).map((id) => `wr-${id}`),
          nextCursor: '',
          ownerFilterRequired: false,
        };
      },
      syncGroupChats: async ({ chatIds }) => {
        calls.push(`get:${chatIds.length}`);
        return { groups: chatIds.length };
      },
      markUnlistedGroupsDismissed: async () => {
        calls.push('dismiss');
        return { groups: 60 };
      },
      ...overrides,
    };
  }

  async function run<T>(
    name: string,
    activities: CustomerSyncActivities,
    workflow: (input: { tenantId: string; trigger: 'manual' }) => Promise<T>,
  ): Promise<T> {
    return env.runWorker(name, activities, async () => {
      const handle = await env.client.workflow.start(workflow, {
        workflowId: `${name}/t1`,
        taskQueue: name,
        args: [{ tenantId: 't1', trigger: 'manual' }],
      });
      try {
        return await handle.result();
      } finally {
        await recordHistoryIfAsked(handle, name);
      }
    });
  }

  it('customers: pages of ≤100 members to the last cursor, then ends unseen relations in one pass', async () => {
    const calls: string[] = [];
    expect(await run('customer-sync-happy', fakeActivities(calls), customerSyncWorkflow)).toBe(240);
    expect(calls).toEqual([
      'begin:customers',
      'follow-users',
      'page:100:',
      'page:100:next',
      'page:50:',
      'sweep',
      'finish:completed:240',
    ]);
  });

  it('groups: falls back to naming owners (≤100 a call) when WeCom asks for it, then reads groups 50 at a time', async () => {
    const calls: string[] = [];
    expect(
      await run('customer-group-sync-owner-filter', fakeActivities(calls), customerGroupSyncWorkflow),
    ).toBe(60);
    expect(calls).toEqual([
      'begin:customer-groups',
      'groups::all',
      'follow-users',
      'groups::100',
      'groups::50',
      'get:50',
      'get:10',
      'dismiss',
      'finish:completed:60',
    ]);
  });

  it('tags: a refused call records the failure with WeCom’s words and fails the run', async () => {
    const calls: string[] = [];
    const activities = fakeActivities(calls, {
      syncCorpTags: async () => {
        throw ApplicationFailure.nonRetryable(
          'WeCom /externalcontact/get_corp_tag_list failed: 48002 api forbidden',
        );
      },
    });
    await expect(run('corp-tag-sync-failing', activities, corpTagSyncWorkflow)).rejects.toThrow();
    expect(calls).toEqual(['begin:corp-tags', 'finish:failed:0']);
  });
});

import type { CorpTagWriteActivities } from '../../activities/corp-tag-writes.activities';
import type { CorpTagWrite } from '../../lib/tags/corp-tag-writes';
import { corpTagWritesWorkflow } from '../../workflows/corp-tag-writes.workflow';
import { corpTagWriteSignal } from '../../workflows/corp-tag-writes.contract';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('corpTagWritesWorkflow', () => {
  const env = workflowTestEnv('local');

  const writes: CorpTagWrite[] = [
    { writeId: 'w1', kind: 'create-group', groupKey: 'pending-1' },
    { writeId: 'w2', kind: 'rename', target: 'group', key: 'pending-1' },
    { writeId: 'w3', kind: 'delete', tagIds: ['et-1'], groupIds: [], customerTagIds: ['et-1'] },
  ];

  it('applies writes in the order they were made, each once, retrying one that fails until it passes', async () => {
    const log: string[] = [];
    let outages = 2;
    const activities: CorpTagWriteActivities = {
      applyCorpTagWrite: async ({ write }) => {
        if (write.writeId === 'w1' && outages > 0) {
          outages -= 1;
          throw new Error('WeCom unreachable');
        }
        log.push(write.writeId);
        return { outcome: 'written' };
      },
      removeDeletedCorpTagsFromCustomers: async ({ tagIds }) => {
        log.push(`customers:${tagIds.join(',')}`);
        return { customers: 1 };
      },
    };
    await env.runWorker('corp-tag-writes', activities, async () => {
      const handle = await env.client.workflow.start(corpTagWritesWorkflow, {
        workflowId: 'corp-tag-writes/test',
        taskQueue: 'corp-tag-writes',
        args: [{ tenantId: 'test', pending: [] }],
      });
      for (const write of writes) await handle.signal(corpTagWriteSignal, write);
      // The same write signalled twice (a retried hand-off) is applied once.
      await handle.signal(corpTagWriteSignal, writes[2]);
      while (log.length < 4) await new Promise((resolve) => setTimeout(resolve, 50));
      await recordHistoryIfAsked(handle, 'corp-tag-writes');
      await handle.terminate('test done');
    });
    expect(log).toEqual(['w1', 'w2', 'customers:et-1', 'w3']);
    expect(outages).toBe(0);
  }, 60_000);
});

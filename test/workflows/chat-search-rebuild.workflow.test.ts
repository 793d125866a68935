import { ApplicationFailure } from '@temporalio/common';
import type { ChatSearchRebuildActivities } from '../../activities/chat-search-rebuild.activities';
import { chatSearchRebuildWorkflow } from '../../workflows/chat-search-rebuild.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { workflowTestEnv } from '../support/workflow-test-env';

describe('chat search rebuild workflow', () => {
  const env = workflowTestEnv('local');

  it('refills the index from MongoDB, retrying while Elasticsearch is away', async () => {
    const taskQueue = 'chat-search-rebuild';
    const attempts: string[] = [];
    const activities: ChatSearchRebuildActivities = {
      rebuildChatMessageIndex: async (names) => {
        attempts.push(names.index);
        if (attempts.length === 1) throw ApplicationFailure.retryable('connect ECONNREFUSED');
        return { indexed: 10 };
      },
    };
    await env.runWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(chatSearchRebuildWorkflow, {
        workflowId: 'chat-search-rebuild/x-chat-messages-v2',
        taskQueue,
        args: [{ alias: 'x-chat-messages', index: 'x-chat-messages-v2' }],
      });
      await handle.result();
      await recordHistoryIfAsked(handle, 'chat-search-rebuild');
    });
    expect(attempts).toEqual(['x-chat-messages-v2', 'x-chat-messages-v2']);
  }, 60_000);
});

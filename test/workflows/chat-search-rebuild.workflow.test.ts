import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ChatSearchRebuildActivities } from '../../activities/chat-search-rebuild.activities';
import { chatSearchRebuildWorkflow } from '../../workflows/chat-search-rebuild.workflow';
import { recordHistoryIfAsked } from '../support/record-history';
import { stackEnv } from '../support/stack-env';

describe('chat search rebuild workflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: stackEnv.temporalBin } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

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
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
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

import { proxyActivities } from '@temporalio/workflow';
import type { ChatSearchRebuildActivities } from '../activities/chat-search-rebuild.activities';
import type { ChatSearchRebuildInput } from './chat-search-rebuild.contract';

// One long pass with heartbeats; Elasticsearch or MongoDB away delays the refill, never drops it.
const { rebuildChatMessageIndex } = proxyActivities<ChatSearchRebuildActivities>({
  startToCloseTimeout: '12 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** `chat-search-rebuild/<index>`: refills a new or wiped chat index from MongoDB's chat_messages. */
export async function chatSearchRebuildWorkflow(names: ChatSearchRebuildInput): Promise<void> {
  await rebuildChatMessageIndex(names);
}

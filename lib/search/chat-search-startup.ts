import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { WorkflowExecutionAlreadyStartedError, type Client as TemporalClient } from '@temporalio/client';
import type { Logger } from '../logger';
import { chatSearchRebuildWorkflowId } from '../temporal/workflow-ids';
import { chatIndexNeedsRebuild, ensureChatMessageIndex } from './chat-index-lifecycle';
import type { ChatIndexNames } from './chat-message-index';
import { startWorkflow } from '../temporal/typed-workflows';

/**
 * At worker start: the alias points at the current chat index version, and an index never filled from
 * MongoDB (new, after a version bump, or wiped) gets its refill started. Failures are logged, not fatal: the
 * ingest creates the index it writes to, and the next start tries the refill again.
 */
export async function prepareChatSearch(
  deps: { es: ElasticsearchClient; temporal: TemporalClient; taskQueue: string },
  names: ChatIndexNames,
  log: Logger,
): Promise<void> {
  try {
    await ensureChatMessageIndex(deps.es, names);
    if (!(await chatIndexNeedsRebuild(deps.es, names))) return;
    await startWorkflow(deps.temporal.workflow, 'chatSearchRebuildWorkflow', {
      workflowId: chatSearchRebuildWorkflowId(names.index),
      taskQueue: deps.taskQueue,
      args: [names],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    log.warn({ err: error }, 'chat search index not checked at start');
  }
}

import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Logger } from '../../../lib/logger';
import type { CorpTagWrite } from '../../../lib/tags/corp-tag-writes';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { corpTagWritesWorkflowId } from '../../../lib/temporal/workflow-ids';
import { corpTagWriteSignal } from '../../../workflows/corp-tag-writes.workflow';

export interface CorpTagWriteQueueDeps {
  client: Client;
  taskQueue: string;
  log: Logger;
}

type NewWrite = CorpTagWrite extends infer W ? (W extends CorpTagWrite ? Omit<W, 'writeId'> : never) : never;

/**
 * Hands a locally saved change to the tenant's write-through workflow (started on first use). The local
 * change is already saved: when Temporal cannot be reached the change stays here and the failure is logged,
 * the tag shows as pending (for creates), and the next 同步 from WeCom shows what WeCom has.
 */
export async function enqueueCorpTagWrite(deps: CorpTagWriteQueueDeps, tenantId: string, write: NewWrite) {
  const full = { ...write, writeId: randomUUID() } as CorpTagWrite;
  try {
    await deps.client.workflow.signalWithStart('corpTagWritesWorkflow', {
      workflowId: corpTagWritesWorkflowId(tenantId),
      taskQueue: deps.taskQueue,
      args: [{ tenantId, pending: [] }],
      signal: corpTagWriteSignal,
      signalArgs: [full],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'corp-tag-writes', tenantId),
    });
  } catch (error) {
    deps.log.error({ err: error, tenantId, write: full }, 'corp tag write hand-off failed');
  }
}

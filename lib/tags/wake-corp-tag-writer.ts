import type { Client } from '@temporalio/client';
import { CorpTagWriteModel } from '../models/corp-tag-write.model';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { corpTagWritesWorkflowId } from '../temporal/workflow-ids';
import type { CorpTagWrite } from './corp-tag-writes';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';
import { corpTagWriteSignal } from '../../workflows/corp-tag-writes.contract';

/** Whether the tenant has 标签管理 changes WeCom has not been given yet. */
export async function hasPendingCorpTagWrites(tenantId: string): Promise<boolean> {
  return Boolean(await CorpTagWriteModel.exists({ tenantId, status: 'pending' }));
}

/**
 * Hands every pending write of the tenant, oldest first, to its corp-tag-writes workflow (started on first
 * use). Called when a change is saved and by the hourly corp-tag sync, so a change saved while Temporal was
 * unreachable reaches WeCom at the latest with the next sync. Harmless to repeat: the workflow ignores a write
 * already queued, and the activity skips one already applied.
 */
export async function wakeCorpTagWriter(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  const pending = await CorpTagWriteModel.find({ tenantId, status: 'pending' }, { write: 1 })
    .sort({ createdAt: 1 })
    .lean();
  for (const row of pending) {
    await signalWithStartWorkflow(temporal.workflow, 'corpTagWritesWorkflow', {
      workflowId: corpTagWritesWorkflowId(tenantId),
      taskQueue,
      args: [{ tenantId, pending: [] }],
      signal: corpTagWriteSignal,
      signalArgs: [row.write as CorpTagWrite],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'corp-tag-writes', tenantId),
    });
  }
}

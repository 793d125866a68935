import type { Client } from '@temporalio/client';
import { CorpTagWriteModel } from '../models/corp-tag-write.model';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { corpTagWritesWorkflowId } from '../temporal/workflow-ids';
import type { CorpTagWrite } from './corp-tag-writes';
import { signalWithStartWorkflow } from '../temporal/typed-workflows';
import { corpTagWriteSignal } from '../../workflows/corp-tag-writes.contract';

/**
 * A change of 标签管理 is saved in milliseconds (api/modules/tags/corp-tag-write-queue.ts); a write still
 * `saving` after this long was left by an api that stopped mid-change, and no longer holds WeCom's state back.
 */
const SAVING_AT_MOST_MS = 60_000;

async function savingWrites(tenantId: string) {
  const rows = await CorpTagWriteModel.find({ tenantId, status: 'saving' }, { createdAt: 1 }).lean();
  const now = Date.now();
  const abandoned = (row: (typeof rows)[number]) => now - row.createdAt.getTime() >= SAVING_AT_MOST_MS;
  return { inProgress: rows.filter((row) => !abandoned(row)), abandoned: rows.filter(abandoned) };
}

/**
 * Whether the tenant has 标签管理 changes WeCom has not been given yet, the ones being saved right now
 * included. Ask BEFORE reading WeCom: when none are, every change saved so far is in WeCom already.
 * Two reads, in the order a write moves (`saving`, then `pending`, then `applied`): a write that moves on
 * between them is found by the second. Read the other way round, one turning `pending` just after the
 * `pending` read was missed by both, and a sync stored WeCom's older state over its change (seen in CI: a
 * renamed tag got its old name back).
 */
export async function hasPendingCorpTagWrites(tenantId: string): Promise<boolean> {
  if ((await savingWrites(tenantId)).inProgress.length > 0) return true;
  return Boolean(await CorpTagWriteModel.exists({ tenantId, status: 'pending' }));
}

/**
 * Hands every pending write of the tenant, oldest first, to its corp-tag-writes workflow (started on first
 * use). Called when a change is saved and by the hourly corp-tag sync, so a change saved while Temporal was
 * unreachable reaches WeCom at the latest with the next sync. Harmless to repeat: the workflow ignores a write
 * already queued, and the activity skips one already applied. Writes abandoned while `saving` are dropped: the
 * user was told the change failed, and the next sync stores what WeCom has.
 */
export async function wakeCorpTagWriter(
  temporal: Client,
  taskQueue: string,
  tenantId: string,
): Promise<void> {
  for (const row of (await savingWrites(tenantId)).abandoned) {
    await CorpTagWriteModel.deleteOne({ tenantId, _id: row._id });
  }
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

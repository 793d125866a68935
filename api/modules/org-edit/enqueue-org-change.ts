import type { Client } from '@temporalio/client';
import type { Logger } from '../../../lib/logger';
import { DepartmentModel } from '../../../lib/models/department.model';
import { OrgChangeModel } from '../../../lib/models/org-change.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { entitySearchAttributes } from '../../../lib/temporal/search-attributes';
import { orgWriteBackWorkflowId } from '../../../lib/temporal/workflow-ids';
import { orgChangeSignal } from '../../../workflows/org-write-back.workflow';

export interface WriteBackDeps {
  temporal: Client;
  taskQueue: string;
  log: Logger;
}

export interface NewOrgChange {
  kind: 'department' | 'staff';
  op: 'create' | 'update' | 'delete';
  targetId: string;
  targetName: string;
  request: Record<string, unknown>;
  fields: string[];
  /** For updates: the local values of `fields` before the edit. */
  before?: Record<string, unknown>;
}

let lastSeq = 0;
/** Increasing within this process and close to time order across processes. */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/**
 * Saves org edits (already applied locally) as pending write-backs, marks their records pending, and wakes
 * the tenant's write-back workflow. If Temporal cannot be reached the edits stay saved and pending, and the
 * next wake-up of that tenant applies them first (the queue is in MongoDB, in order).
 */
export async function enqueueOrgChanges(
  deps: WriteBackDeps,
  tenantId: string,
  actorStaffId: string,
  changes: NewOrgChange[],
): Promise<void> {
  for (const change of changes) {
    const saved = await OrgChangeModel.create({ tenantId, seq: nextSeq(), actorStaffId, ...change });
    await markRecordPending(tenantId, change, String(saved._id));
  }
  if (changes.length === 0) return;
  try {
    await deps.temporal.workflow.signalWithStart('orgWriteBackWorkflow', {
      workflowId: orgWriteBackWorkflowId(tenantId),
      taskQueue: deps.taskQueue,
      args: [{ tenantId }],
      signal: orgChangeSignal,
      signalArgs: [],
      typedSearchAttributes: entitySearchAttributes(tenantId, 'org-write-back', tenantId),
    });
  } catch (error) {
    deps.log.error({ err: error, tenantId }, 'org write-back hand-off failed; the edits stay pending');
  }
}

/** One pending mark per record: the latest change, with the fields of every edit not yet in WeCom. */
async function markRecordPending(tenantId: string, change: NewOrgChange, changeId: string): Promise<void> {
  const model = (change.kind === 'department' ? DepartmentModel : StaffModel) as typeof StaffModel;
  const filter =
    change.kind === 'department'
      ? { tenantId, deptId: Number(change.targetId) }
      : { tenantId, userid: change.targetId };
  const current = await model.findOne(filter, { writeBack: 1 }).lean();
  const stillPending = current?.writeBack?.status === 'pending' ? current.writeBack : undefined;
  const op =
    change.op !== 'delete' && stillPending?.op === 'create'
      ? 'create'
      : (change.op as 'create' | 'update' | 'delete');
  const fields = [...new Set([...(stillPending?.fields ?? []), ...change.fields])];
  await model.updateOne(filter, { $set: { writeBack: { changeId, status: 'pending', op, fields } } });
}

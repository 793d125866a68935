import { DepartmentModel } from '../../../lib/models/department.model';
import { OrgChangeModel } from '../../../lib/models/org-change.model';
import { StaffModel } from '../../../lib/models/staff.model';
import { wakeOrgWriteBack } from '../../../lib/org/wake-org-write-back';
import type { AppContext } from '../../app-context';
import type { Caller } from '../../auth/caller';

/** What an org edit needs besides its caller: the write-back workflow to wake, and where to log a failed wake-up. */
export type WriteBackDeps = Pick<AppContext, 'temporal' | 'log'>;

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
 * next wake-up of that tenant (its next edit, or the end of its next org sync) applies them first (the queue
 * is in MongoDB, in order).
 */
export async function enqueueOrgChanges(
  deps: WriteBackDeps,
  { tenantId, staffId }: Pick<Caller, 'tenantId' | 'staffId'>,
  changes: NewOrgChange[],
): Promise<void> {
  for (const change of changes) {
    const saved = await OrgChangeModel.create({ tenantId, seq: nextSeq(), actorStaffId: staffId, ...change });
    await markRecordPending(tenantId, change, String(saved._id));
  }
  if (changes.length === 0) return;
  try {
    await wakeOrgWriteBack(deps.temporal.client, deps.temporal.taskQueue, tenantId);
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

import { randomUUID } from 'node:crypto';
import { CorpTagWriteModel } from '../../../lib/models/corp-tag-write.model';
import type { CorpTagWrite } from '../../../lib/tags/corp-tag-writes';
import { wakeCorpTagWriter } from '../../../lib/tags/wake-corp-tag-writer';
import type { AppContext } from '../../app-context';

/** The write-through workflow to wake, and where to log a failed wake-up. */
export type CorpTagWriteQueueDeps = Pick<AppContext, 'temporal' | 'log'>;

type NewWrite = CorpTagWrite extends infer W ? (W extends CorpTagWrite ? Omit<W, 'writeId'> : never) : never;

/**
 * Makes a local change of 标签管理 together with its write to WeCom. The write enters the outbox first, as
 * `saving`: a sync or change event that reads WeCom while the change is being saved then sees that WeCom is
 * behind and keeps ours (storing WeCom's older state would undo the change). Once the change is saved the
 * write becomes `pending` and is handed to the tenant's write-through workflow; a change that throws, or
 * that `sendsWrite` says WeCom need not hear about, takes its write out again. When Temporal cannot be
 * reached the write stays pending (the failure is logged) and the hourly corp-tag sync hands it over later
 * (lib/tags/wake-corp-tag-writer.ts).
 */
export async function changeWithCorpTagWrite<T>(
  deps: CorpTagWriteQueueDeps,
  tenantId: string,
  write: NewWrite,
  change: () => Promise<T>,
  sendsWrite: (changed: T) => boolean = () => true,
): Promise<T> {
  const full = { ...write, writeId: randomUUID() } as CorpTagWrite;
  await CorpTagWriteModel.create({ _id: full.writeId, tenantId, write: full, status: 'saving' });
  let changed: T;
  try {
    changed = await change();
  } catch (error) {
    await CorpTagWriteModel.deleteOne({ tenantId, _id: full.writeId });
    throw error;
  }
  if (!sendsWrite(changed)) {
    await CorpTagWriteModel.deleteOne({ tenantId, _id: full.writeId });
    return changed;
  }
  await CorpTagWriteModel.updateOne({ tenantId, _id: full.writeId }, { $set: { status: 'pending' } });
  try {
    await wakeCorpTagWriter(deps.temporal.client, deps.temporal.taskQueue, tenantId);
  } catch (error) {
    deps.log.error(
      { err: error, tenantId, write: full },
      'corp tag write hand-off failed; kept for the next sync',
    );
  }
  return changed;
}

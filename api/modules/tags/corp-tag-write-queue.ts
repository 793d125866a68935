import { randomUUID } from 'node:crypto';
import { CorpTagWriteModel } from '../../../lib/models/corp-tag-write.model';
import type { CorpTagWrite } from '../../../lib/tags/corp-tag-writes';
import { wakeCorpTagWriter } from '../../../lib/tags/wake-corp-tag-writer';
import type { AppContext } from '../../app-context';

/** The write-through workflow to wake, and where to log a failed wake-up. */
export type CorpTagWriteQueueDeps = Pick<AppContext, 'temporal' | 'log'>;

type NewWrite = CorpTagWrite extends infer W ? (W extends CorpTagWrite ? Omit<W, 'writeId'> : never) : never;

/**
 * Saves a locally made change's write in the outbox, then hands the tenant's pending writes to its
 * write-through workflow. When Temporal cannot be reached the write stays pending (the failure is logged) and
 * the hourly corp-tag sync hands it over later (lib/tags/wake-corp-tag-writer.ts).
 */
export async function enqueueCorpTagWrite(deps: CorpTagWriteQueueDeps, tenantId: string, write: NewWrite) {
  const full = { ...write, writeId: randomUUID() } as CorpTagWrite;
  await CorpTagWriteModel.create({ _id: full.writeId, tenantId, write: full });
  try {
    await wakeCorpTagWriter(deps.temporal.client, deps.temporal.taskQueue, tenantId);
  } catch (error) {
    deps.log.error(
      { err: error, tenantId, write: full },
      'corp tag write hand-off failed; kept for the next sync',
    );
  }
}

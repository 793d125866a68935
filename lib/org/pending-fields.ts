/**
 * How the org sync and change_contact callbacks meet local edits still on their way to WeCom:
 * - a field with a pending edit is not overwritten (the edit reaches WeCom, then the next sync agrees);
 * - a record with a pending delete is not revived or changed;
 * - a record with a pending create or edit is not removed as "vanished" (WeCom may simply not have it yet).
 * A failed write-back is not pending: the sync then writes WeCom's truth over it, which is the rollback.
 */
export interface WriteBackView {
  status: string;
  op: string;
  fields: string[];
}

export function isPending(writeBack: WriteBackView | null | undefined): writeBack is WriteBackView {
  return writeBack?.status === 'pending';
}

/** The WeCom fields a sync may write on a record, given its write-back state; undefined = leave it alone. */
export function syncableFields<T extends Record<string, unknown>>(
  fields: T,
  writeBack: WriteBackView | null | undefined,
): Partial<T> | undefined {
  if (!isPending(writeBack)) return fields;
  if (writeBack.op === 'delete') return undefined;
  const pending = new Set(writeBack.fields);
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !pending.has(name))) as Partial<T>;
}

/** Mongo filter part: records a sync may treat as gone from WeCom. */
export const NOT_PENDING = { 'writeBack.status': { $ne: 'pending' } };

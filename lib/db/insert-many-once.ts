import { DUPLICATE_KEY } from './duplicate-key';

/**
 * Inserts rows keyed by idempotency ids; rows an earlier attempt (a retried activity, a redelivered callback)
 * already stored stay as they are. The bulk insert is unordered, so every new row goes in even when others
 * are duplicates, and the only failures it may then have are duplicate keys: anything else is thrown.
 */
export async function insertManyOnce(
  model: { insertMany(rows: never[], options: { ordered: false }): Promise<unknown> },
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  try {
    await model.insertMany(rows as never[], { ordered: false });
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}

function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> })
    .writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((failure) => (failure.code ?? failure.err?.code) === DUPLICATE_KEY);
  }
  return (error as { code?: number }).code === DUPLICATE_KEY;
}

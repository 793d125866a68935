/** MongoDB's code for a write refused by a unique index. */
export const DUPLICATE_KEY = 11000;

/**
 * Whether a write failed on a unique index. MongoDB (and FerretDB for inserts) answer code 11000; FerretDB v1
 * on PostgreSQL answers an update that collides with PostgreSQL's own unique-violation text and no such code,
 * which the product must read as the same refusal (a role renamed to a name already taken, say).
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === DUPLICATE_KEY) return true;
  return typeof message === 'string' && message.includes('duplicate key value violates unique constraint');
}

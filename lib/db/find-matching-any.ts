import type { Connection } from 'mongoose';

/**
 * The documents matching any of several equality filters (`{tenantId, _id}` for each of a batch's ids,
 * `{tenantId, roomid, day}` for each touched day): the batched lookup `$in` and `$or` give on MongoDB, by key.
 *
 * FerretDB v1 pushes neither `$in` nor `$or` down to PostgreSQL: it reads every row the rest of the filter selects
 * (the whole tenant's) and filters them in Go. It does push top-level equality, which the embedded store's GIN
 * indexes serve (scripts/stack/ferretdb-gin-indexes.ts), so there the lookup fans out into one equality query per
 * filter, a few at a time. A real MongoDB gets one `$or` per thousand filters, served by its indexes.
 */
export async function findMatchingAny<T>(
  model: FindableModel<T>,
  filters: readonly Record<string, unknown>[],
  projection?: Record<string, 0 | 1>,
): Promise<T[]> {
  if (filters.length === 0) return [];
  if (await isFerretdb(model.db)) {
    const found: T[] = [];
    for (let start = 0; start < filters.length; start += FERRETDB_IN_FLIGHT) {
      const slice = filters.slice(start, start + FERRETDB_IN_FLIGHT);
      const pages = await Promise.all(slice.map((filter) => model.find(filter, projection).lean()));
      for (const page of pages) found.push(...page);
    }
    return found;
  }
  const found: T[] = [];
  for (let start = 0; start < filters.length; start += MONGODB_OR_SIZE) {
    const slice = filters.slice(start, start + MONGODB_OR_SIZE);
    found.push(...(await model.find({ $or: slice }, projection).lean()));
  }
  return found;
}

/** What this needs of a mongoose model (its lean documents are T). */
interface FindableModel<T> {
  db: Connection;
  find(filter: Record<string, unknown>, projection?: Record<string, 0 | 1>): { lean(): PromiseLike<T[]> };
}

/** Equality queries in flight at once on FerretDB: enough to hide round trips, few beside its 50 connections. */
const FERRETDB_IN_FLIGHT = 8;
const MONGODB_OR_SIZE = 1000;

const backends = new WeakMap<Connection, Promise<boolean>>();

/** Whether the connection's server is FerretDB (its buildInfo names its own version), asked once per connection. */
export function isFerretdb(connection: Connection): Promise<boolean> {
  let answer = backends.get(connection);
  if (!answer) {
    answer = connection
      .asPromise()
      .then((open) => open.db!.admin().command({ buildInfo: 1 }))
      .then((info) => 'ferretdbVersion' in info)
      .catch((error: unknown) => {
        backends.delete(connection); // ask again next time
        throw error;
      });
    backends.set(connection, answer);
  }
  return answer;
}

import type { MongooseBulkWriteOptions } from 'mongoose';

/**
 * Statements per write command. FerretDB v1 keeps each statement's cursor of an `update` command open until
 * the whole command returns (msg_update.go defers the close inside its loop over statements), and every open
 * cursor holds one of the connections of its pool to the backend, while each statement also needs one more to
 * write: a bulkWrite of ~100 updates waits forever for a connection and freezes the database (SQLite's pool of
 * 100: seen with `npm start`, the demo's customer sync beside the archive ingest; PostgreSQL's pool of 50: a
 * bulkWrite of 100 updateOne still hangs). Small commands keep far below that; on MongoDB they cost a few more
 * round trips.
 */
export const WRITE_SLICE = 20;

interface SlicedResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  insertedCount: number;
}

/** `model.bulkWrite` in commands of at most WRITE_SLICE operations, in order; the first failing slice throws. */
export async function bulkWriteInSlices<Operation>(
  model: { bulkWrite(operations: Operation[], options?: MongooseBulkWriteOptions): Promise<SlicedResult> },
  operations: Operation[],
  options: MongooseBulkWriteOptions = {},
): Promise<SlicedResult> {
  const total: SlicedResult = { matchedCount: 0, modifiedCount: 0, upsertedCount: 0, insertedCount: 0 };
  for (let at = 0; at < operations.length; at += WRITE_SLICE) {
    const result = await model.bulkWrite(operations.slice(at, at + WRITE_SLICE), options);
    total.matchedCount += result.matchedCount;
    total.modifiedCount += result.modifiedCount;
    total.upsertedCount += result.upsertedCount;
    total.insertedCount += result.insertedCount;
  }
  return total;
}

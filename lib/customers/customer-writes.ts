import { insertManyOnce } from '../db/insert-many-once';
import { randomUUID } from 'node:crypto';
import { Types, type AnyBulkWriteOperation } from 'mongoose';
import { CustomerModel } from '../models/customer.model';
import { CustomerEventModel, type CustomerEventKind } from '../models/customer-event.model';
import type { CustomerIndexer } from '../search/customer-indexer';
import { deriveCustomerFields } from './customer-derived';
import type { FollowRecord } from './customer-relations';
import { bulkWriteInSlices } from '../db/bulk-write-in-slices';
import { findMatchingAny } from '../db/find-matching-any';
import { businessDay } from '../org/manual-sync-quota';
import { DUPLICATE_KEY } from '../db/duplicate-key';

export interface StoredCustomer {
  _id: Types.ObjectId;
  externalUserid: string;
  follows: FollowRecord[];
  profile?: { phone?: string | null } | null;
  updatedAt?: Date;
}

/** What a writer wants stored: the relations (always) and WeCom's own customer fields (when it read them). */
export interface CustomerRewrite {
  follows: FollowRecord[];
  fields?: Record<string, unknown>;
}

const MAX_ROUNDS = 5;

/**
 * Read, merge, write back a batch of customers without transactions (FerretDB has none): each update is
 * guarded by the `updatedAt` it read, so a sync page and a callback touching the same customer at once never
 * overwrite each other; the loser reads again and merges again. Derived list fields are written with the
 * relations every time, and every round's write goes through `indexer`, so the search index follows.
 * `rewrite` returns null to leave a customer alone; `beforeWrite` runs after every round's rewrites and before
 * they are stored (to record what they found, so a crash in between loses nothing).
 */
export async function rewriteCustomers(
  tenantId: string,
  externalUserids: readonly string[],
  rewrite: (current: StoredCustomer | null, externalUserid: string) => CustomerRewrite | null,
  writer: { indexer: CustomerIndexer; beforeWrite?: () => Promise<void> },
): Promise<number> {
  let pending = [...new Set(externalUserids)];
  let written = 0;
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round += 1) {
    const stored = await findMatchingAny<StoredCustomer>(
      CustomerModel,
      pending.map((externalUserid) => ({ tenantId, externalUserid })),
      { externalUserid: 1, follows: 1, profile: 1, updatedAt: 1 },
    );
    const byId = new Map(stored.map((customer) => [customer.externalUserid, customer]));
    const writeIds = new Map<string, string>();
    const documentIds: Types.ObjectId[] = [];
    const operations: AnyBulkWriteOperation[] = [];
    for (const externalUserid of pending) {
      const current = byId.get(externalUserid) ?? null;
      const next = rewrite(current, externalUserid);
      if (!next) continue;
      const writeId = randomUUID();
      writeIds.set(externalUserid, writeId);
      const fields = {
        ...next.fields,
        follows: next.follows,
        ...deriveCustomerFields(next.follows, current?.profile?.phone),
        writeId,
      };
      const _id = current?._id ?? new Types.ObjectId();
      documentIds.push(_id);
      operations.push(
        current
          ? {
              updateOne: {
                filter: { _id: current._id, tenantId, updatedAt: current.updatedAt },
                update: { $set: fields },
              },
            }
          : { insertOne: { document: { _id, tenantId, externalUserid, ...fields } } },
      );
    }
    if (operations.length === 0) {
      pending = [];
      break;
    }
    await writer.beforeWrite?.();
    const applied = await writer.indexer.writeAndIndex(tenantId, documentIds, () =>
      bulkWriteIgnoringDuplicates(operations),
    );
    if (applied === operations.length) {
      written += applied;
      pending = [];
      break;
    }
    // Some lost a race: read back which (by _id; an insert that lost to another one is simply not there).
    const landed = await findMatchingAny<{ externalUserid: string; writeId?: string }>(
      CustomerModel,
      documentIds.map((_id) => ({ tenantId, _id })),
      { externalUserid: 1, writeId: 1 },
    );
    const won = new Set(
      landed
        .filter((row) => row.writeId === writeIds.get(row.externalUserid))
        .map((row) => row.externalUserid),
    );
    written += won.size;
    pending = [...writeIds.keys()].filter((id) => !won.has(id));
  }
  if (pending.length > 0)
    throw new Error(`customers kept changing while being written: ${pending.join(', ')}`);
  return written;
}

/**
 * Returns how many operations matched or inserted; a concurrent insert of the same customer is a lost race
 * (found and retried by the read-back), so it counts as not applied.
 */
async function bulkWriteIgnoringDuplicates(operations: AnyBulkWriteOperation[]): Promise<number> {
  try {
    const result = await bulkWriteInSlices(CustomerModel, operations as never, { ordered: false });
    return result.matchedCount + result.insertedCount;
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
    if (!writeErrors || writeErrors.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
    return -1;
  }
}

export interface CustomerEventRow {
  _id: string;
  externalUserid: string;
  userid: string;
  kind: CustomerEventKind;
  at: Date;
  state?: string;
  addWay?: number;
  via: 'callback' | 'sync';
}

/**
 * Records events once: ids are idempotency keys, so a retried step or redelivered callback adds nothing. Each
 * carries its China day, by which the daily rollup reads them.
 */
export async function recordCustomerEvents(
  tenantId: string,
  rows: readonly CustomerEventRow[],
): Promise<void> {
  await insertManyOnce(
    CustomerEventModel,
    rows.map((row) => ({ ...row, tenantId, day: businessDay(row.at) })),
  );
}

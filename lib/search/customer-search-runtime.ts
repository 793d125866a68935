import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Client as TemporalClient } from '@temporalio/client';
import type { Types } from 'mongoose';
import { createLogger } from '../logger';
import { CustomerSearchOutboxModel } from '../models/customer-search-outbox.model';
import type { CustomerIndexNames } from './customer-index';
import { ensureCustomerIndex, forgetCustomerIndex } from './customer-index-lifecycle';
import { indexCustomersById } from './customer-indexing';
import { startCustomerSearchRebuild, wakeCustomerSearchOutbox } from './customer-search-workflows';

/**
 * How the customer search index is reached from code that has no deps of its own: the customer model's write
 * hooks (lib/search/customer-search.plugin.ts) and the bulk writers. The composition roots (createApp,
 * createWorker) bind it once at start.
 */
export interface CustomerSearch {
  es: ElasticsearchClient;
  names: CustomerIndexNames;
  temporal: TemporalClient;
  taskQueue: string;
}

let bound: CustomerSearch | undefined;
const log = createLogger('customer-search');

/**
 * The first binding stays: when the api and a worker share a process (tests), the api's client outlives the
 * worker's, which closes with it.
 */
export function bindCustomerSearch(search: CustomerSearch): void {
  bound ??= search;
}

export function customerSearch(): CustomerSearch {
  if (!bound) throw new Error('customer search is not bound (createApp or createWorker binds it)');
  return bound;
}

/** Makes sure the alias has an index; a new one (first start, or wiped) is refilled from MongoDB. */
export function ensureCustomerSearchIndex(search: CustomerSearch): Promise<void> {
  return ensureCustomerIndex(search.es, search.names, () =>
    startCustomerSearchRebuild(search.temporal, search.taskQueue, search.names),
  );
}

/**
 * Runs `work` against the index; when the index turns out to be gone (wiped by hand), it is created again, its
 * refill started, and `work` tried once more.
 */
export async function withCustomerIndex<T>(search: CustomerSearch, work: () => Promise<T>): Promise<T> {
  await ensureCustomerSearchIndex(search);
  try {
    return await work();
  } catch (error) {
    if (!isIndexMissing(error)) throw error;
    forgetCustomerIndex(search.es, search.names);
    await ensureCustomerSearchIndex(search);
    return work();
  }
}

/** A read of the index through the process's binding. */
export function readCustomerSearch<T>(read: (search: CustomerSearch) => Promise<T>): Promise<T> {
  const search = customerSearch();
  return withCustomerIndex(search, () => read(search));
}

/**
 * Called after every MongoDB write of customers: indexes their current state. When the index is unreachable
 * or refuses, the write stands and the ids wait in the outbox for the tenant's drain workflow, which retries
 * until the index takes them. Never throws for the index's sake, so a customer write never fails because of it.
 */
export async function indexCustomersAfterWrite(
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
  options: { refresh?: 'wait_for' } = {},
): Promise<void> {
  if (ids.length === 0) return;
  try {
    const search = customerSearch();
    await withCustomerIndex(search, () =>
      indexCustomersById(search.es, search.names.alias, tenantId, ids, options.refresh ?? false),
    );
  } catch (error) {
    log.warn(
      { tenantId, customers: ids.length, err: error },
      'customer search index not updated; kept in the outbox',
    );
    await markCustomersPending(tenantId, ids);
    if (bound) {
      // A lost wake-up is not lost work: the worker wakes every tenant with pending rows when it starts.
      await wakeCustomerSearchOutbox(bound.temporal, bound.taskQueue, tenantId).catch((wakeError: unknown) =>
        log.warn({ tenantId, err: wakeError }, 'customer search outbox drain not woken'),
      );
    }
  }
}

async function markCustomersPending(
  tenantId: string,
  ids: readonly (Types.ObjectId | string)[],
): Promise<void> {
  const markedAt = new Date();
  await CustomerSearchOutboxModel.bulkWrite(
    ids.map((id) => ({
      updateOne: {
        filter: { _id: id, tenantId },
        update: { $set: { markedAt } },
        upsert: true,
      },
    })) as never,
    { ordered: false },
  );
}

function isIndexMissing(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('index_not_found_exception');
}

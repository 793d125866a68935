import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Client as TemporalClient } from '@temporalio/client';
import type { CustomerIndexNames } from './customer-index';
import { ensureCustomerIndex, forgetCustomerIndex } from './customer-index-lifecycle';
import { startCustomerSearchRebuild } from './customer-search-workflows';

/**
 * What reading and writing the customer search index takes: the composition roots (createApp, createWorker)
 * build one and hand it to whatever searches customers or writes them (through a CustomerIndexer).
 */
export interface CustomerSearch {
  es: ElasticsearchClient;
  names: CustomerIndexNames;
  temporal: TemporalClient;
  taskQueue: string;
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

function isIndexMissing(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('index_not_found_exception');
}

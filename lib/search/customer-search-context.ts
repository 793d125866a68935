import { customerIndexNames, customerReadModel, type CustomerIndexNames } from './customer-index';
import { withListIndex, type ListSearch } from './list-read-model';

/**
 * What reading and writing the customer search index takes: the read models' clients and the customer
 * index's names. The composition roots (createApp, createWorker) build one and hand it to whatever searches
 * customers or writes them (through a CustomerIndexer).
 */
export interface CustomerSearch extends ListSearch {
  names: CustomerIndexNames;
}

/**
 * Runs `work` against the index; when the index turns out to be gone (wiped by hand), it is created again, its
 * refill started, and `work` tried once more.
 */
export function withCustomerIndex<T>(search: CustomerSearch, work: () => Promise<T>): Promise<T> {
  return withListIndex(search, customerReadModel, () => work());
}

/** The customer index's context on the read models' clients. */
export function customerSearchOn(search: ListSearch): CustomerSearch {
  return { ...search, names: customerIndexNames(search.indexPrefix) };
}

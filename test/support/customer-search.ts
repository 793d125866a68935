import type { Types } from 'mongoose';
import { Client } from '@elastic/elasticsearch';
import type { AppConfig } from '../../lib/config';
import { CustomerModel } from '../../lib/models/customer.model';
import { customerIndexNames } from '../../lib/search/customer-index';
import { customerReadModel } from '../../lib/search/customer-index';
import type { CustomerSearch } from '../../lib/search/customer-search-context';
import { indexListKeys } from '../../lib/search/list-read-model';

/**
 * Makes what was indexed so far visible to searches now, instead of within Elasticsearch's 1 s refresh:
 * for tests that seed customers and list them at once.
 */
export async function refreshCustomerSearch(config: AppConfig): Promise<void> {
  const es = new Client({ node: config.esUrl });
  try {
    await es.indices.refresh({ index: customerIndexNames(config.esIndexPrefix).alias });
  } finally {
    await es.close();
  }
}

/**
 * Indexes, searchable at once, every customer of the tenant: for tests that seed customers straight into
 * MongoDB (the product's own writers index through lib/search/customer-indexer.ts).
 */
export async function indexSeededCustomers(search: CustomerSearch, tenantId: string): Promise<void> {
  const ids = (await CustomerModel.distinct('_id', { tenantId })) as Types.ObjectId[];
  await indexListKeys(search, customerReadModel, tenantId, ids.map(String), 'wait_for');
  // A refill started by the worker may have indexed them first, with the same versions: our writes then
  // conflict, change nothing, and `wait_for` has nothing to wait for, so make the refill's writes visible too.
  await search.es.indices.refresh({ index: search.names.alias });
}

import { Client } from '@elastic/elasticsearch';
import type { AppConfig } from '../../lib/config';
import { customerIndexNames } from '../../lib/search/customer-index';

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

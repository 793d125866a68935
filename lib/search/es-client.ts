import { Client } from '@elastic/elasticsearch';

/** The Elasticsearch client of a process; reads wait at most 30 s, writes set their own shorter limits. */
export function createSearchClient(url: string): Client {
  return new Client({ node: url, requestTimeout: 30_000, maxRetries: 2 });
}

import { listIndexNames } from '../../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../../lib/search/list-read-models';
import type { TestApp } from './app-harness';

/**
 * Makes what the 客户群 and 敏感行为审核 indexes were given so far visible to searches now, instead of within
 * Elasticsearch's 1 s refresh: for tests that list right after a background writer (a sync, the ingest).
 */
export async function refreshListSearch(app: TestApp): Promise<void> {
  const { es, indexPrefix } = app.listSearch;
  await es.indices.refresh({
    index: Object.values(LIST_READ_MODELS).map(
      (model) => listIndexNames(model.kind, model.version, indexPrefix).alias,
    ),
    ignore_unavailable: true,
    allow_no_indices: true,
  });
}

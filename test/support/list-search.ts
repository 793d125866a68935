import { listIndexNames, type ListKind } from '../../lib/search/list-read-model';
import { LIST_READ_MODELS } from '../../lib/search/list-read-models';
import { eventually, type TestApp } from './app-harness';

/** The alias a read model's lists are read through, under the test app's index prefix. */
export function listAlias(app: TestApp, kind: ListKind): string {
  const model = LIST_READ_MODELS[kind];
  return listIndexNames(model.kind, model.version, app.listSearch.indexPrefix).alias;
}

/**
 * Makes what the 客户群 and 敏感行为审核 indexes were given so far visible to searches now, instead of within
 * Elasticsearch's 1 s refresh: for tests that list right after a background writer (a sync, the ingest).
 */
export async function refreshListSearch(app: TestApp): Promise<void> {
  await app.listSearch.es.indices.refresh({
    index: Object.values(LIST_READ_MODELS).map((model) => listAlias(app, model.kind)),
    ignore_unavailable: true,
    allow_no_indices: true,
  });
}

/**
 * Waits until a read model's index lists `count` rows of the tenant. A writer indexes its rows right after it
 * wrote them to MongoDB, so a test that saw them in MongoDB may still be a moment ahead of the index.
 */
export async function untilListed(
  app: TestApp,
  kind: ListKind,
  tenantId: string,
  count: number,
): Promise<void> {
  const { es } = app.listSearch;
  const index = listAlias(app, kind);
  await eventually(async () => {
    await es.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
    const listed = await es.count({ index, query: { term: { tenantId } }, ignore_unavailable: true });
    return listed.count === count;
  });
}

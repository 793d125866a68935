import { randomUUID } from 'node:crypto';
import type { Client as ElasticsearchClient, estypes } from '@elastic/elasticsearch';
import type { Connection } from 'mongoose';
import { WorkflowExecutionAlreadyStartedError, type Client as TemporalClient } from '@temporalio/client';
import { listSearchPendingSignal } from '../../workflows/list-search.contract';
import { createLogger, type Logger } from '../logger';
import { ListSearchOutboxModel } from '../models/list-search-outbox.model';
import { entitySearchAttributes } from '../temporal/search-attributes';
import { findMatchingAny } from '../db/find-matching-any';
import { signalWithStartWorkflow, startWorkflow } from '../temporal/typed-workflows';
import { listSearchOutboxWorkflowId, listSearchRebuildWorkflowId } from '../temporal/workflow-ids';
import {
  indexNeedsRebuild,
  markIndexRebuilt,
  pointAliasAtCurrentIndex,
  type VersionedIndexNames,
} from './versioned-index';

/**
 * Elasticsearch read models of admin lists whose collections grow with the tenant (客户, 客户群, 敏感行为审核):
 * one document per MongoDB row with the list's filter and sort fields and the row as shown, so a page and its
 * count come from the index alone. MongoDB stays the system of record; the index is rebuilt from it whenever
 * its version is new or it is missing (versioned-index.ts).
 *
 * Writers index explicitly and durably (`writeListRows`): they put their rows in the outbox before writing
 * MongoDB, index them after, and remove their rows. A process killed in between leaves them, and the tenant's
 * drain workflow indexes them (woken by a failed write, and at every api and worker start).
 */
export type ListKind =
  | 'customers'
  | 'customer-groups'
  | 'sensitive-alerts'
  | 'mass-sends'
  | 'mass-send-recipients'
  | 'knowledge-items'
  | 'sop-targets'
  | 'sop-plans'
  | 'staff-day-stats'
  | 'owner-day-group-stats'
  | 'customer-losses'
  | 'handovers';

/** One document as indexed: which row it is, its version (newer wins) and the document. */
export interface ListIndexEntry {
  tenantId: string;
  key: string;
  version: number;
  document: unknown;
}

export interface ListReadModel<Source> {
  kind: ListKind;
  /** The document's id in the index; `<tenant>|<key>` unless the keys are unique across tenants. */
  documentId?: (tenantId: string, key: string) => string;
  /** Bump when the mapping or the document changes: a new index is created and refilled. */
  version: number;
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
  /** The tenant's rows by their key (chatId, alert id), read by key only. */
  readByKeys(tenantId: string, keys: readonly string[]): Promise<Source[]>;
  /** Every row of every tenant, for a rebuild (one cursor in _id order). */
  readAll(batchSize: number): AsyncIterable<Source>;
  /** Documents for a batch of rows (a batch, so that names can be looked up once for all). */
  toEntries(sources: readonly Source[]): Promise<ListIndexEntry[]>;
}

/** What a keyed read model needs of its mongoose model (any of lib/models/): its rows are read lean. */
interface RowsModel {
  db: Connection;
  find(
    filter: Record<string, unknown>,
    projection?: Record<string, 0 | 1>,
  ): {
    lean(): PromiseLike<unknown[]>;
    setOptions(options: { crossTenant: true }): {
      lean(): { cursor(options: { batchSize: number }): AsyncIterable<unknown> };
    };
  };
}

/**
 * A read model of one MongoDB collection whose rows are read by their key (top-level equality with the tenant,
 * findMatchingAny) and, for a rebuild, in one cursor over every tenant. The read model declares only what is
 * its own: the index's version, order and fields, which rows, and how a row becomes its document.
 */
export function keyedReadModel<
  Row extends { tenantId: string },
  Source extends { tenantId: string } = Row,
>(spec: {
  kind: ListKind;
  version: number;
  /** The index's stored order: the list's default order (listIndexSettings). */
  sort: Parameters<typeof listIndexSettings>[0];
  /** The mapping's fields (the mapping itself is strict and carries the version). */
  properties: NonNullable<estypes.MappingTypeMapping['properties']>;
  documentId?: ListReadModel<Source>['documentId'];
  rows: RowsModel;
  /** The field writers mark and the drain reads by, unique within a tenant. */
  key: keyof Row & string;
  /** Top-level equalities a listed row also meets (not soft-deleted). */
  filter?: Record<string, unknown>;
  /** The fields a document is made of (all when absent). */
  fields?: Record<string, 0 | 1>;
  /** Rows as read, completed for their documents a batch at a time (counts kept elsewhere). */
  complete?: (rows: Row[]) => Promise<Source[]>;
  /** The version the index keeps with the document: a newer copy has a greater one. */
  versionOf: (source: Source) => number;
  toDocument: (source: Source) => unknown;
}): ListReadModel<Source> {
  const complete = spec.complete ?? (async (rows: Row[]) => rows as unknown as Source[]);
  return {
    kind: spec.kind,
    version: spec.version,
    ...(spec.documentId ? { documentId: spec.documentId } : {}),
    settings: listIndexSettings(spec.sort),
    mappings: { dynamic: 'strict', _meta: { version: spec.version }, properties: spec.properties },
    readByKeys: async (tenantId, keys) =>
      complete(
        (await findMatchingAny(
          spec.rows,
          keys.map((key) => ({ tenantId, [spec.key]: key, ...spec.filter })),
          spec.fields,
        )) as Row[],
      ),
    readAll: async function* (batchSize) {
      const cursor = spec.rows
        .find(spec.filter ?? {}, spec.fields)
        .setOptions({ crossTenant: true })
        .lean()
        .cursor({ batchSize });
      let batch: Row[] = [];
      for await (const row of cursor) {
        batch.push(row as Row);
        if (batch.length >= batchSize) {
          yield* await complete(batch);
          batch = [];
        }
      }
      yield* await complete(batch);
    },
    toEntries: async (sources) =>
      sources.map((source) => ({
        tenantId: source.tenantId,
        key: String((source as Record<string, unknown>)[spec.key]),
        version: spec.versionOf(source),
        document: spec.toDocument(source),
      })),
  };
}

/** The read models' clients: Elasticsearch, and Temporal for the drain and the rebuild. */
export interface ListSearch {
  es: ElasticsearchClient;
  indexPrefix: string;
  temporal: TemporalClient;
  taskQueue: string;
}

export function listIndexNames(kind: ListKind, version: number, prefix: string): VersionedIndexNames {
  return { alias: `${prefix}${kind}`, index: `${prefix}${kind}-v${version}` };
}

/**
 * The settings of a read model's index: one shard (a tenant's lists are small enough, and one shard keeps
 * counts exact), a replica where there is a second node, and documents stored in the list's default order, so
 * the default page (and any filter's first pages) stop after the first hits.
 */
export function listIndexSettings(sort: {
  field: string[];
  order: Array<'asc' | 'desc'>;
}): estypes.IndicesIndexSettings {
  return { number_of_shards: 1, auto_expand_replicas: '0-1', sort };
}

const namesOf = <S>(search: ListSearch, model: ListReadModel<S>) =>
  listIndexNames(model.kind, model.version, search.indexPrefix);

/** Tenant first: keys (chatIds) are only unique within a tenant. */
export const listDocumentId = (tenantId: string, key: string) => `${tenantId}|${key}`;

const documentIdOf = <S>(model: ListReadModel<S>, tenantId: string, key: string) =>
  (model.documentId ?? listDocumentId)(tenantId, key);

/**
 * Throws when a bulk request refused any operation for a reason other than a newer copy being there already
 * (409 under external versioning) or a deleted document being gone already; the caller keeps the rows.
 */
export function throwOnBulkFailures(result: estypes.BulkResponse, what: string): void {
  if (!result.errors) return;
  const failures = result.items
    .map((item) => item.index ?? item.create ?? item.update ?? item.delete)
    .filter(
      (item) => item?.error && item.status !== 409 && !(item.status === 404 && item.result === 'not_found'),
    );
  if (failures.length > 0) {
    const first = failures[0]?.error;
    throw new Error(`${what} index refused ${failures.length} rows: ${first?.type}: ${first?.reason}`);
  }
}

const log = createLogger('list-search');

/** Writes should not wait long on an index that is down: the outbox keeps what failed. */
const WRITE_OPTIONS = { requestTimeout: 10_000, maxRetries: 1 } as const;

/**
 * Indexes rows as read from MongoDB in one bulk request, versioned externally (an older copy arriving late
 * never replaces a newer one; a conflict means a newer copy is there already). Keys of rows no longer in
 * MongoDB leave the index. Goes through the alias only (`require_alias`), so an index wiped by hand is never
 * recreated with a guessed mapping.
 */
export async function indexListSources<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  sources: readonly S[],
  removed: ReadonlyArray<{ tenantId: string; key: string }> = [],
  refresh: 'wait_for' | false = false,
): Promise<void> {
  await indexListEntries(search, model, await model.toEntries(sources), removed, refresh);
}

async function indexListEntries<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  entries: readonly ListIndexEntry[],
  removed: ReadonlyArray<{ tenantId: string; key: string }>,
  refresh: 'wait_for' | false,
): Promise<void> {
  if (entries.length === 0 && removed.length === 0) return;
  const alias = namesOf(search, model).alias;
  const operations: unknown[] = [];
  for (const entry of entries) {
    operations.push(
      {
        index: {
          _index: alias,
          _id: documentIdOf(model, entry.tenantId, entry.key),
          version: entry.version,
          version_type: 'external',
        },
      },
      entry.document,
    );
  }
  for (const row of removed)
    operations.push({ delete: { _index: alias, _id: documentIdOf(model, row.tenantId, row.key) } });
  const result = await search.es.bulk(
    { operations: operations as never, refresh, require_alias: true },
    WRITE_OPTIONS,
  );
  throwOnBulkFailures(result, model.kind);
}

/** Reads the tenant's rows by key from MongoDB and indexes them; keys no longer there leave the index. */
export async function indexListKeys<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  tenantId: string,
  keys: readonly string[],
  refresh: 'wait_for' | false = false,
): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const entries = await model.toEntries(await model.readByKeys(tenantId, unique));
  const found = new Set(entries.map((entry) => entry.key));
  const removed = unique.filter((key) => !found.has(key)).map((key) => ({ tenantId, key }));
  await withListIndex(search, model, () => indexListEntries(search, model, entries, removed, refresh));
}

/**
 * Writes rows of a list through `write` so that the index follows, even if this process dies midway: the
 * rows are put in the outbox first, `write` runs, then they are indexed as MongoDB has them (also when `write`
 * threw: a partial write is indexed as far as it went) and this write's outbox rows removed. The index being
 * down never fails the write: the rows stay and the tenant's drain is woken.
 *
 * `written`: the rows as this write leaves them in MongoDB, whole and with the version MongoDB stores, from a
 * writer that is their only writer meanwhile (a send's own workflow) and so knows them without reading them
 * back: once `write` succeeded they are indexed as they are (keys it does not hold are read back). A partial
 * update that does not hold its whole rows leaves it out. The outbox is the same either way: a process dying
 * before the index has them leaves the marks, and the drain reads those rows from MongoDB.
 */
export async function writeListRows<S, T>(
  search: ListSearch,
  model: ListReadModel<S>,
  tenantId: string,
  keys: readonly string[],
  write: () => Promise<T>,
  options: { refresh?: 'wait_for'; written?: readonly S[] } = {},
): Promise<T> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return write();
  const writeId = await markListRowsPending(model.kind, tenantId, unique);
  let written: readonly S[] = [];
  try {
    const result = await write();
    written = options.written ?? [];
    return result;
  } finally {
    await indexWrittenRows(search, model, tenantId, unique, written, writeId, options.refresh ?? false);
  }
}

/**
 * Puts rows in the outbox as not yet in the index, in one insert (cheap even for a sync's batch of a thousand
 * customers); answers the write's id, by which only its writer removes them.
 */
export async function markListRowsPending(
  kind: ListKind,
  tenantId: string,
  keys: readonly string[],
  markedAt = new Date(),
): Promise<string> {
  const writeId = randomUUID();
  await ListSearchOutboxModel.insertMany(
    keys.map((key) => ({ tenantId, kind, key, writeId, markedAt })),
    { ordered: false },
  );
  return writeId;
}

async function indexWrittenRows<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  tenantId: string,
  keys: readonly string[],
  written: readonly S[],
  writeId: string,
  refresh: 'wait_for' | false,
): Promise<void> {
  try {
    // Only rows marked first: whatever the index is given, the outbox could give it again.
    const marked = new Set(keys);
    const entries = (await model.toEntries(written)).filter((entry) => marked.has(entry.key));
    const held = new Set(entries.map((entry) => entry.key));
    const unheld = keys.filter((key) => !held.has(key));
    if (entries.length > 0)
      await withListIndex(search, model, () => indexListEntries(search, model, entries, [], refresh));
    await indexListKeys(search, model, tenantId, unheld, refresh);
    await ListSearchOutboxModel.deleteMany({ tenantId, writeId });
  } catch (error) {
    log.warn(
      { tenantId, kind: model.kind, rows: keys.length, err: error },
      'search index not updated; kept in the outbox',
    );
    await wakeListSearchOutbox(search, tenantId).catch((wakeError: unknown) =>
      log.warn({ tenantId, err: wakeError }, 'search outbox drain not woken'),
    );
  }
}

const ensured = new WeakMap<ElasticsearchClient, Map<string, Promise<void>>>();

/**
 * Creates the current versioned index behind the alias when the alias is missing or points at an older
 * version, and then starts its refill from MongoDB. Checked once per client and alias; a failure is retried
 * next time.
 */
export function ensureListIndex<S>(search: ListSearch, model: ListReadModel<S>): Promise<void> {
  const names = namesOf(search, model);
  const perClient = ensured.get(search.es) ?? new Map<string, Promise<void>>();
  ensured.set(search.es, perClient);
  const known = perClient.get(names.alias);
  if (known) return known;
  const pending = (async () => {
    const created = await pointAliasAtCurrentIndex(search.es, names, {
      settings: model.settings,
      mappings: model.mappings,
    });
    if (created) await startListSearchRebuild(search, model.kind, names);
  })().catch((error: unknown) => {
    perClient.delete(names.alias);
    throw error;
  });
  perClient.set(names.alias, pending);
  return pending;
}

/**
 * Runs `work` against the index; when the index turns out to be gone (wiped by hand), it is created again, its
 * refill started, and `work` tried once more.
 */
export async function withListIndex<S, T>(
  search: ListSearch,
  model: ListReadModel<S>,
  work: (names: VersionedIndexNames) => Promise<T>,
): Promise<T> {
  const names = namesOf(search, model);
  await ensureListIndex(search, model);
  try {
    return await work(names);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (!text.includes('index_not_found_exception')) throw error;
    ensured.get(search.es)?.delete(names.alias);
    await ensureListIndex(search, model);
    return work(names);
  }
}

type Query = estypes.QueryDslQueryContainer;

/** What a page or a scan of a read model asks: the filter (tenant first), and the list's order. */
export interface ListRowsRequest {
  query: Query;
  sort: estypes.Sort;
}

const totalOf = (total: number | estypes.SearchTotalHits | undefined) =>
  typeof total === 'number' ? total : (total?.value ?? 0);

/**
 * A page of a list and its exact count from the index alone: each document carries the row as the list shows
 * it (`row`, stored, not indexed).
 */
export async function searchListPage<S, Row>(
  search: ListSearch,
  model: ListReadModel<S>,
  request: ListRowsRequest & { page: number; pageSize: number },
): Promise<{ rows: Row[]; total: number }> {
  const result = await withListIndex(search, model, (names) =>
    search.es.search<{ row: Row }>({
      index: names.alias,
      query: request.query,
      sort: request.sort,
      from: (request.page - 1) * request.pageSize,
      size: request.pageSize,
      track_total_hits: true,
      _source: ['row'],
    }),
  );
  return {
    rows: result.hits.hits.flatMap((hit) => (hit._source ? [hit._source.row] : [])),
    total: totalOf(result.hits.total),
  };
}

/**
 * Every document a filter matches, in list order, `size` at a time (exports, and resolving an audience): the
 * fields asked for in `source` (the row by default, as `{ row }`).
 */
export async function* scanListRows<S, Doc>(
  search: ListSearch,
  model: ListReadModel<S>,
  request: ListRowsRequest & { size: number; source?: string[] },
): AsyncGenerator<Doc[]> {
  let after: estypes.SortResults | undefined;
  for (;;) {
    const result = await withListIndex(search, model, (names) =>
      search.es.search<Doc>({
        index: names.alias,
        query: request.query,
        sort: request.sort,
        size: request.size,
        ...(after ? { search_after: after } : {}),
        track_total_hits: false,
        _source: request.source ?? ['row'],
      }),
    );
    const hits = result.hits.hits;
    if (hits.length === 0) return;
    yield hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    after = hits[hits.length - 1].sort;
    if (hits.length < request.size) return;
  }
}

/** How many documents a filter matches, exactly. */
export async function countListRows<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  query: Query,
): Promise<number> {
  const result = await withListIndex(search, model, (names) =>
    search.es.count({ index: names.alias, query }),
  );
  return result.count;
}

/**
 * Refills the index from MongoDB in batches, versioned like any write, so writes indexed meanwhile are never
 * replaced by older copies; then marks the index refilled. A retry starts over, which the versions make
 * harmless. `progress` heartbeats.
 */
export async function rebuildListIndex<S>(
  search: ListSearch,
  model: ListReadModel<S>,
  progress: (indexed: number) => void,
): Promise<number> {
  await ensureListIndex(search, model);
  const began = new Date();
  let batch: S[] = [];
  let indexed = 0;
  const flush = async () => {
    await indexListSources(search, model, batch);
    indexed += batch.length;
    batch = [];
    progress(indexed);
  };
  for await (const source of model.readAll(REBUILD_BATCH)) {
    batch.push(source);
    if (batch.length >= REBUILD_BATCH) await flush();
  }
  await flush();
  await markIndexRebuilt(search.es, namesOf(search, model), model.version, began);
  return indexed;
}

const REBUILD_BATCH = 1_000;

/** Starts the tenant's outbox drain, or tells the running one there is more. */
export async function wakeListSearchOutbox(search: ListSearch, tenantId: string): Promise<void> {
  await signalWithStartWorkflow(search.temporal.workflow, 'listSearchOutboxWorkflow', {
    workflowId: listSearchOutboxWorkflowId(tenantId),
    taskQueue: search.taskQueue,
    args: [{ tenantId }],
    signal: listSearchPendingSignal,
    signalArgs: [],
    typedSearchAttributes: entitySearchAttributes(tenantId, 'list-search-outbox', tenantId),
  });
}

/** Starts the refill of a read model's current index; a refill already running is left alone. */
export async function startListSearchRebuild(
  search: ListSearch,
  kind: ListKind,
  names: VersionedIndexNames,
): Promise<void> {
  try {
    await startWorkflow(search.temporal.workflow, 'listSearchRebuildWorkflow', {
      workflowId: listSearchRebuildWorkflowId(names.index),
      taskQueue: search.taskQueue,
      args: [{ kind }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/**
 * At api and worker start: each read model's index exists and has been refilled from MongoDB (else a refill
 * starts), and every tenant with marks left in the outbox (a write whose process died, an index that was down)
 * has its drain running. Failures are logged, not fatal: the next start, or the next write, tries again.
 */
export async function prepareListSearch(
  search: ListSearch,
  models: ReadonlyArray<ListReadModel<unknown>>,
  logger: Logger,
): Promise<void> {
  // The read models are independent: checked side by side, a start waits for one round of Elasticsearch
  // calls instead of one per read model (a second of every worker start, and of every test file's).
  await Promise.all(
    models.map(async (model) => {
      try {
        await ensureListIndex(search, model);
        const names = namesOf(search, model);
        if (await indexNeedsRebuild(search.es, names))
          await startListSearchRebuild(search, model.kind, names);
      } catch (error) {
        logger.warn({ err: error, kind: model.kind }, 'list search index not checked at start');
      }
    }),
  );
  try {
    const tenants = (await ListSearchOutboxModel.distinct('tenantId', {}).setOptions({
      crossTenant: true,
    })) as string[];
    for (const tenantId of tenants) await wakeListSearchOutbox(search, tenantId);
  } catch (error) {
    logger.warn({ err: error }, 'search outbox not drained at start');
  }
}

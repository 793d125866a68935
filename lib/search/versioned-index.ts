import type { Client, estypes } from '@elastic/elasticsearch';

/**
 * An Elasticsearch read model behind an alias: readers and writers use the alias, the versioned index behind it
 * changes when the mapping or settings do, and a new index is refilled from MongoDB, then marked as refilled
 * in its mapping's `_meta`. The customer index and the chat index both live this way.
 */
export interface VersionedIndexNames {
  /** What every reader and writer uses. */
  alias: string;
  /** The index behind it now. */
  index: string;
}

/**
 * Points the alias at the current versioned index, creating that first; answers whether it had to (the caller
 * then starts the refill). Whatever the alias named before goes in the same atomic alias update: an older
 * versioned index loses the alias (kept, for the operator to delete), and a plain index holding the alias's own
 * name (the chat index's version 1) is deleted, since an alias cannot share a name with an index.
 */
export async function pointAliasAtCurrentIndex(
  es: Client,
  names: VersionedIndexNames,
  definition: { settings: estypes.IndicesIndexSettings; mappings: estypes.MappingTypeMapping },
): Promise<boolean> {
  const behind = Object.keys((await es.indices.get({ index: names.alias }, { ignore: [404] })) ?? {}).filter(
    (index) => index !== 'error' && index !== 'status',
  );
  if (behind.length === 1 && behind[0] === names.index) return false;
  await es.indices.create(
    { index: names.index, ...definition },
    { ignore: [400] }, // resource_already_exists_exception: another process created it first
  );
  await es.indices.updateAliases({
    actions: [
      ...behind.map((index) =>
        index === names.alias ? { remove_index: { index } } : { remove: { index, alias: names.alias } },
      ),
      { add: { index: names.index, alias: names.alias, is_write_index: true } },
    ],
  });
  return true;
}

/** True until a refill from MongoDB has completed into the current index (a new or wiped one). */
export async function indexNeedsRebuild(es: Client, names: VersionedIndexNames): Promise<boolean> {
  const mapping = await es.indices.getMapping({ index: names.index });
  const meta = mapping[names.index]?.mappings?._meta as { rebuiltAt?: string } | undefined;
  return !meta?.rebuiltAt;
}

export async function markIndexRebuilt(
  es: Client,
  names: VersionedIndexNames,
  version: number,
  at: Date,
): Promise<void> {
  await es.indices.putMapping({ index: names.index, _meta: { version, rebuiltAt: at.toISOString() } });
}

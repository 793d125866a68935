import type { Client } from '@elastic/elasticsearch';
import {
  CUSTOMER_INDEX_VERSION,
  CUSTOMER_MAPPINGS,
  CUSTOMER_SETTINGS,
  type CustomerIndexNames,
} from './customer-index';

/** The customer index's life: created behind its alias on first use (or after a wipe), marked once refilled. */
const ensured = new WeakMap<Client, Map<string, Promise<void>>>();

/**
 * Creates the current versioned index behind the alias when the alias is missing or points at an older
 * version, then calls `onCreated` (which starts the refill from MongoDB). Checked once per client and alias;
 * a failure is retried next time.
 */
export function ensureCustomerIndex(
  es: Client,
  names: CustomerIndexNames,
  onCreated: () => Promise<void>,
): Promise<void> {
  const perClient = ensured.get(es) ?? new Map<string, Promise<void>>();
  ensured.set(es, perClient);
  const known = perClient.get(names.alias);
  if (known) return known;
  const pending = createIndexBehindAlias(es, names, onCreated).catch((error: unknown) => {
    perClient.delete(names.alias);
    throw error;
  });
  perClient.set(names.alias, pending);
  return pending;
}

async function createIndexBehindAlias(
  es: Client,
  names: CustomerIndexNames,
  onCreated: () => Promise<void>,
): Promise<void> {
  const current = await es.indices.getAlias({ name: names.alias }, { ignore: [404] });
  const pointedAt = Object.keys(current ?? {}).filter((index) => index !== 'error' && index !== 'status');
  if (pointedAt.length === 1 && pointedAt[0] === names.index) return;
  await es.indices.create(
    { index: names.index, settings: CUSTOMER_SETTINGS, mappings: CUSTOMER_MAPPINGS },
    { ignore: [400] }, // resource_already_exists_exception: another process created it first
  );
  await es.indices.updateAliases({
    actions: [
      ...pointedAt.map((index) => ({ remove: { index, alias: names.alias } })),
      { add: { index: names.index, alias: names.alias, is_write_index: true } },
    ],
  });
  await onCreated();
}

/** Forgets what ensureCustomerIndex learnt, after the index was found missing (wiped by hand). */
export function forgetCustomerIndex(es: Client, names: CustomerIndexNames): void {
  ensured.get(es)?.delete(names.alias);
}

/** True until a rebuild from MongoDB has completed into the current index (a new or wiped index). */
export async function customerIndexNeedsRebuild(es: Client, names: CustomerIndexNames): Promise<boolean> {
  const mapping = await es.indices.getMapping({ index: names.index });
  const meta = mapping[names.index]?.mappings?._meta as { rebuiltAt?: string } | undefined;
  return !meta?.rebuiltAt;
}

export async function markCustomerIndexRebuilt(
  es: Client,
  names: CustomerIndexNames,
  at: Date,
): Promise<void> {
  await es.indices.putMapping({
    index: names.index,
    _meta: { version: CUSTOMER_INDEX_VERSION, rebuiltAt: at.toISOString() },
  });
}

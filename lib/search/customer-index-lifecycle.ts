import type { Client } from '@elastic/elasticsearch';
import {
  CUSTOMER_INDEX_VERSION,
  CUSTOMER_MAPPINGS,
  CUSTOMER_SETTINGS,
  type CustomerIndexNames,
} from './customer-index';
import { indexNeedsRebuild, markIndexRebuilt, pointAliasAtCurrentIndex } from './versioned-index';

/** The customer index's life (versioned-index.ts): created behind its alias on first use (or after a wipe), marked once refilled. */
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
  const created = await pointAliasAtCurrentIndex(es, names, {
    settings: CUSTOMER_SETTINGS,
    mappings: CUSTOMER_MAPPINGS,
  });
  if (created) await onCreated();
}

/** Forgets what ensureCustomerIndex learnt, after the index was found missing (wiped by hand). */
export function forgetCustomerIndex(es: Client, names: CustomerIndexNames): void {
  ensured.get(es)?.delete(names.alias);
}

export const customerIndexNeedsRebuild = indexNeedsRebuild;

export function markCustomerIndexRebuilt(es: Client, names: CustomerIndexNames, at: Date): Promise<void> {
  return markIndexRebuilt(es, names, CUSTOMER_INDEX_VERSION, at);
}

import type { Client } from '@elastic/elasticsearch';
import {
  CHAT_INDEX_SETTINGS,
  CHAT_INDEX_VERSION,
  CHAT_MAPPINGS,
  type ChatIndexNames,
} from './chat-message-index';

/**
 * The chat index's life: the current version created behind the alias, then refilled from MongoDB by the
 * worker (chat-search-rebuild workflow), and marked once it has been.
 */

/**
 * Points the alias at the current versioned index, creating that first. Whatever the alias named before goes
 * in the same atomic alias update: an older versioned index loses the alias (kept, for the operator to delete),
 * and version 1's plain index, which holds the alias's name, is deleted (an alias cannot share a name with an
 * index). Searches then read the new index, complete again once the refill has run.
 */
export async function ensureChatMessageIndex(es: Client, names: ChatIndexNames): Promise<void> {
  const behind = Object.keys((await es.indices.get({ index: names.alias }, { ignore: [404] })) ?? {}).filter(
    (index) => index !== 'error' && index !== 'status',
  );
  if (behind.length === 1 && behind[0] === names.index) return;
  await es.indices.create(
    { index: names.index, settings: CHAT_INDEX_SETTINGS, mappings: CHAT_MAPPINGS },
    { ignore: [400] }, // resource_already_exists_exception: another worker created it first
  );
  await es.indices.updateAliases({
    actions: [
      ...behind.map((index) =>
        index === names.alias ? { remove_index: { index } } : { remove: { index, alias: names.alias } },
      ),
      { add: { index: names.index, alias: names.alias, is_write_index: true } },
    ],
  });
}

/** True until a refill from MongoDB has completed into the current index (a new or wiped one). */
export async function chatIndexNeedsRebuild(es: Client, names: ChatIndexNames): Promise<boolean> {
  const mapping = await es.indices.getMapping({ index: names.index });
  const meta = mapping[names.index]?.mappings?._meta as { rebuiltAt?: string } | undefined;
  return !meta?.rebuiltAt;
}

export async function markChatIndexRebuilt(es: Client, names: ChatIndexNames, at: Date): Promise<void> {
  await es.indices.putMapping({
    index: names.index,
    _meta: { version: CHAT_INDEX_VERSION, rebuiltAt: at.toISOString() },
  });
}

import type { Client } from '@elastic/elasticsearch';
import {
  CHAT_INDEX_SETTINGS,
  CHAT_INDEX_VERSION,
  CHAT_MAPPINGS,
  type ChatIndexNames,
} from './chat-message-index';
import { indexNeedsRebuild, markIndexRebuilt, pointAliasAtCurrentIndex } from './versioned-index';

/**
 * The chat index's life (versioned-index.ts): the current version created behind the alias, then refilled from
 * MongoDB by the worker (chat-search-rebuild workflow), and marked once it has been. Searches read the new
 * index at once, complete again once the refill has run.
 */
export async function ensureChatMessageIndex(es: Client, names: ChatIndexNames): Promise<void> {
  await pointAliasAtCurrentIndex(es, names, { settings: CHAT_INDEX_SETTINGS, mappings: CHAT_MAPPINGS });
}

export const chatIndexNeedsRebuild = indexNeedsRebuild;

export function markChatIndexRebuilt(es: Client, names: ChatIndexNames, at: Date): Promise<void> {
  return markIndexRebuilt(es, names, CHAT_INDEX_VERSION, at);
}

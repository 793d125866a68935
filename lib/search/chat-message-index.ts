import type { Client, estypes } from '@elastic/elasticsearch';
import type { ChatMessageRecord } from '../archive/chat-message-record';
import type { VersionedIndexNames } from './versioned-index';

/**
 * The searchable copy of the chat archive (DESIGN: Elasticsearch holds only what MongoDB can rebuild). One
 * document per message, `_id` the same as in MongoDB (`<tenantId>:<msgid>`), so indexing a batch again
 * overwrites it. `content` uses the standard analyzer — one token per Han character on the local stack, which
 * has no other analyzers — and keyword search is a match_phrase on it: an exact substring match for Chinese.
 * Every query filters on tenantId. Readers and writers use the alias; the versioned index behind it changes
 * when the mapping or index settings do (bump the version: the worker refills the new index from MongoDB).
 */
export const CHAT_INDEX_VERSION = 2;

/** Version 1 was a plain index of the alias's name, before the alias. */
export type ChatIndexNames = VersionedIndexNames;

export const chatMessageIndexName = (prefix: string) => `${prefix}chat-messages`;

export function chatIndexNames(prefix: string): ChatIndexNames {
  const alias = chatMessageIndexName(prefix);
  return { alias, index: `${alias}-v${CHAT_INDEX_VERSION}` };
}

/**
 * The order search reads in (newest first, msgid breaking ties) is the order documents are stored in, so a
 * page of a keyword search stops after its hits instead of collecting and sorting all of them (Elasticsearch
 * ends a segment early when the query's sort is the index sort and the total is only counted up to a bound).
 */
export const CHAT_SEARCH_SORT: estypes.Sort = [{ msgtime: 'desc' }, { msgid: 'desc' }];

export const CHAT_INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_replicas: 0,
  'sort.field': ['msgtime', 'msgid'],
  'sort.order': ['desc', 'desc'],
};

export const CHAT_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _meta: { version: CHAT_INDEX_VERSION },
  properties: {
    tenantId: { type: 'keyword' },
    msgid: { type: 'keyword' },
    msgtype: { type: 'keyword' },
    from: { type: 'keyword' },
    senderType: { type: 'keyword' },
    roomid: { type: 'keyword' },
    chatKind: { type: 'keyword' },
    conversationId: { type: 'keyword' },
    staffUserids: { type: 'keyword' },
    externalUserids: { type: 'keyword' },
    msgtime: { type: 'date' },
    content: { type: 'text', analyzer: 'standard' },
  },
};

/** What the index keeps of a message (the fields a rebuild reads from MongoDB). */
export const CHAT_INDEXED_FIELDS = [
  '_id',
  'tenantId',
  'msgid',
  'msgtype',
  'from',
  'senderType',
  'roomid',
  'chatKind',
  'conversationId',
  'staffUserids',
  'externalUserids',
  'msgtime',
  'content',
] as const;

export type IndexedChatMessage = Pick<ChatMessageRecord, (typeof CHAT_INDEXED_FIELDS)[number]>;

export class ChatIndexingError extends Error {
  override name = 'ChatIndexingError';
}

/** Indexes a batch in one bulk request; any item that failed fails the whole call (the batch is retried). */
export async function indexChatMessages(
  es: Client,
  index: string,
  records: readonly IndexedChatMessage[],
): Promise<void> {
  if (records.length === 0) return;
  const operations = records.flatMap((record) => [
    { index: { _index: index, _id: record._id } },
    {
      tenantId: record.tenantId,
      msgid: record.msgid,
      msgtype: record.msgtype,
      from: record.from,
      senderType: record.senderType,
      roomid: record.roomid,
      chatKind: record.chatKind,
      conversationId: record.conversationId,
      staffUserids: record.staffUserids,
      externalUserids: record.externalUserids,
      msgtime: record.msgtime.toISOString(),
      content: record.content,
    },
  ]);
  const answer = await es.bulk({ operations, refresh: false }, { requestTimeout: 60_000, maxRetries: 0 });
  if (answer.errors) {
    const failed = answer.items.find((item) => item.index?.error)?.index?.error;
    throw new ChatIndexingError(`Elasticsearch refused part of the batch: ${failed?.type} ${failed?.reason}`);
  }
}

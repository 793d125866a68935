import type { Client, estypes } from '@elastic/elasticsearch';
import type { ChatMessageRecord } from '../archive/chat-message-record';
import { substringPhrase, substringTokens, type SubstringTokens } from './substring-tokens';
import type { VersionedIndexNames } from './versioned-index';

/**
 * The searchable copy of the chat archive (DESIGN: Elasticsearch holds only what MongoDB can rebuild). One
 * document per message, `_id` the same as in MongoDB (`<tenantId>:<msgid>`), so indexing a batch again
 * overwrites it. The text is searched as the customer index's texts are (substring-tokens.ts): lowercased code
 * words per character and per trigram, a keyword being a phrase of them, so any keyword of one character or
 * more is an exact, case-insensitive substring match (Latin words and digit runs included, which the standard
 * analyzer kept whole). Every query filters on tenantId. Readers and writers use the alias; the versioned index
 * behind it changes when the mapping or index settings do (bump the version: the worker refills the new index
 * from MongoDB).
 */
export const CHAT_INDEX_VERSION = 3;

/**
 * Version 1 was a plain index of the alias's name, before the alias; version 2 searched `content` with the
 * standard analyzer (a run of letters and digits was one token, so `vx` missed 加我vx123).
 */
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
    // Shown with a hit, never searched itself.
    content: { type: 'text', index: false },
    contentTokens: {
      properties: {
        unigrams: { type: 'text', analyzer: 'standard', norms: false, index_options: 'positions' },
        trigrams: { type: 'text', analyzer: 'standard', norms: false, index_options: 'positions' },
      },
    },
  },
  // The code words are ~20 times the text's size and a rebuild reads MongoDB, not _source: kept out of it.
  _source: { excludes: ['contentTokens'] },
};

/**
 * Messages whose text contains the keyword, letter case folded: a phrase of the keyword's code words. A filter
 * (no score): hits are listed newest first.
 */
export function chatKeywordQuery(keyword: string): estypes.QueryDslQueryContainer {
  const { field, phrase } = substringPhrase(keyword);
  return { match_phrase: { [`contentTokens.${field}`]: { query: phrase, analyzer: 'standard' } } };
}

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

/** The document indexed for a message (the ingest, the rebuild and the benchmarks write these). */
export function chatSearchDocument(record: IndexedChatMessage): ChatSearchDocument {
  return {
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
    contentTokens: substringTokens(record.content),
  };
}

export type ChatSearchDocument = Omit<IndexedChatMessage, '_id' | 'msgtime'> & {
  msgtime: string;
  contentTokens: SubstringTokens;
};

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
    chatSearchDocument(record),
  ]);
  const answer = await es.bulk({ operations, refresh: false }, { requestTimeout: 60_000, maxRetries: 0 });
  if (answer.errors) {
    const failed = answer.items.find((item) => item.index?.error)?.index?.error;
    throw new ChatIndexingError(`Elasticsearch refused part of the batch: ${failed?.type} ${failed?.reason}`);
  }
}

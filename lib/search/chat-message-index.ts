import type { Client, estypes } from '@elastic/elasticsearch';
import type { ChatMessageRecord } from '../archive/chat-message-record';

/**
 * The searchable copy of the chat archive (DESIGN: Elasticsearch holds only what MongoDB can rebuild). One
 * document per message, `_id` the same as in MongoDB (`<tenantId>:<msgid>`), so indexing a batch again
 * overwrites it. `content` uses the standard analyzer — one token per Han character on the local stack, which
 * has no other analyzers — and keyword search is a match_phrase on it: an exact substring match for Chinese.
 * Every query filters on tenantId.
 */
export const chatMessageIndexName = (prefix: string) => `${prefix}chat-messages`;

const MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
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

export async function ensureChatMessageIndex(es: Client, index: string): Promise<void> {
  if (await es.indices.exists({ index })) return;
  try {
    await es.indices.create({ index, mappings: MAPPINGS, settings: { number_of_replicas: 0 } });
  } catch (error) {
    // Another worker created it first.
    if (
      (error as { body?: { error?: { type?: string } } }).body?.error?.type !==
      'resource_already_exists_exception'
    ) {
      throw error;
    }
  }
}

export class ChatIndexingError extends Error {
  override name = 'ChatIndexingError';
}

/** Indexes a batch in one bulk request; any item that failed fails the whole call (the batch is retried). */
export async function indexChatMessages(
  es: Client,
  index: string,
  records: readonly ChatMessageRecord[],
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

import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { ChatMessageModel } from '../lib/models/chat-message.model';
import { markChatIndexRebuilt } from '../lib/search/chat-index-lifecycle';
import {
  CHAT_INDEXED_FIELDS,
  indexChatMessages,
  type ChatIndexNames,
  type IndexedChatMessage,
} from '../lib/search/chat-message-index';
import { heartbeatOrStop } from './cancellation-checkpoint';

const REBUILD_BATCH = 1_000;

export function createChatSearchRebuildActivities(deps: { es: ElasticsearchClient }) {
  return {
    /**
     * Refills the chat index from MongoDB: one pass over every archived message (a single cursor: on FerretDB
     * any filter beyond equality would scan per batch). Messages never change once archived, so copies the
     * ingest indexes meanwhile are the same documents, and a retry that starts over only writes them again.
     */
    async rebuildChatMessageIndex(names: ChatIndexNames): Promise<{ indexed: number }> {
      const began = new Date();
      const cursor = ChatMessageModel.find({}, CHAT_INDEXED_FIELDS.join(' '))
        .setOptions({ crossTenant: true })
        .lean<IndexedChatMessage[]>()
        .cursor({ batchSize: REBUILD_BATCH });
      let batch: IndexedChatMessage[] = [];
      let indexed = 0;
      const flush = async () => {
        await indexChatMessages(deps.es, names.alias, batch);
        indexed += batch.length;
        batch = [];
        heartbeatOrStop(indexed);
      };
      for await (const message of cursor) {
        batch.push(message);
        if (batch.length >= REBUILD_BATCH) await flush();
      }
      await flush();
      await markChatIndexRebuilt(deps.es, names, began);
      return { indexed };
    },
  };
}

export type ChatSearchRebuildActivities = ReturnType<typeof createChatSearchRebuildActivities>;

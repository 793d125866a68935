import { ChatConversationModel } from '../models/chat-conversation.model';
import { ChatMessageModel } from '../models/chat-message.model';
import type { ChatMessageRecord } from './chat-message-record';

/** The last message's text kept on a summary: enough for one line of the chat list. */
const PREVIEW_LENGTH = 60;
const CONCURRENCY = 8;

interface ChatConversationSummary {
  conversationId: string;
  chatKind: 'internal' | 'external' | 'group';
  roomid: string;
  staffUserids: string[];
  externalUserids: string[];
  lastMessageAt: Date;
  lastMessage: { msgtype: string; from: string; content: string };
}

/** One conversation's summary as its stored messages say; null when none is stored. */
async function summarize(tenantId: string, conversationId: string): Promise<ChatConversationSummary | null> {
  const filter = { tenantId, conversationId };
  const [last, staffUserids, externalUserids] = await Promise.all([
    ChatMessageModel.findOne(filter, { chatKind: 1, roomid: 1, msgtime: 1, msgtype: 1, from: 1, content: 1 })
      .sort({ msgtime: -1, _id: -1 })
      .lean(),
    ChatMessageModel.distinct('staffUserids', filter) as Promise<string[]>,
    ChatMessageModel.distinct('externalUserids', filter) as Promise<string[]>,
  ]);
  if (!last) return null;
  return {
    conversationId,
    chatKind: last.chatKind,
    roomid: last.roomid ?? '',
    staffUserids: staffUserids.sort(),
    externalUserids: externalUserids.sort(),
    lastMessageAt: last.msgtime,
    lastMessage: {
      msgtype: last.msgtype,
      from: last.from,
      content: (last.content ?? '').slice(0, PREVIEW_LENGTH),
    },
  };
}

/**
 * 内容存档's chat lists: recomputes, from the stored messages, the summary of every conversation the batch
 * touched (its people and its last message) and sets it. Computing from what is stored, not from the batch,
 * is what makes a batch read twice, or two batches racing, end with the same summary.
 */
export async function recomputeConversations(
  tenantId: string,
  records: readonly ChatMessageRecord[],
): Promise<void> {
  const touched = [...new Set(records.map((record) => record.conversationId))];
  if (touched.length === 0) return;
  const summaries: Array<ChatConversationSummary | null> = [];
  // A few conversations at a time: a batch can touch hundreds, and the database is shared with the ingest.
  for (let at = 0; at < touched.length; at += CONCURRENCY) {
    summaries.push(
      ...(await Promise.all(touched.slice(at, at + CONCURRENCY).map((id) => summarize(tenantId, id)))),
    );
  }
  const writes = summaries
    .filter((summary): summary is ChatConversationSummary => summary !== null)
    .map((summary) => ({
      updateOne: {
        filter: { _id: `${tenantId}:${summary.conversationId}`, tenantId },
        update: { $set: summary },
        upsert: true,
      },
    }));
  if (writes.length === 0) return;
  // Two runs creating the same summary at once: one upsert loses with a duplicate key; once more finds it.
  await ChatConversationModel.bulkWrite(writes, { ordered: false }).catch(() =>
    ChatConversationModel.bulkWrite(writes, { ordered: false }),
  );
}

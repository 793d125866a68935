import { ChatConversationModel } from '../models/chat-conversation.model';
import type { ChatMessageRecord } from './chat-message-record';
import { bulkWriteInSlices } from '../db/bulk-write-in-slices';

/** The last message's text kept on a summary: enough for one line of the chat list. */
const PREVIEW_LENGTH = 60;

/** The batch's part of one conversation: its people and its last message. */
interface BatchConversation {
  conversationId: string;
  chatKind: ChatMessageRecord['chatKind'];
  roomid: string;
  staffUserids: Set<string>;
  externalUserids: Set<string>;
  last: ChatMessageRecord;
}

/** Later in the archive: by time, then by id (the order the message pane reads in). */
const isLater = (a: ChatMessageRecord, b: ChatMessageRecord) =>
  a.msgtime.getTime() > b.msgtime.getTime() || (a.msgtime.getTime() === b.msgtime.getTime() && a._id > b._id);

function byConversation(records: readonly ChatMessageRecord[]): BatchConversation[] {
  const found = new Map<string, BatchConversation>();
  for (const record of records) {
    let conversation = found.get(record.conversationId);
    if (!conversation) {
      conversation = {
        conversationId: record.conversationId,
        chatKind: record.chatKind,
        roomid: record.roomid ?? '',
        staffUserids: new Set(),
        externalUserids: new Set(),
        last: record,
      };
      found.set(record.conversationId, conversation);
    }
    record.staffUserids.forEach((id) => conversation.staffUserids.add(id));
    record.externalUserids.forEach((id) => conversation.externalUserids.add(id));
    if (isLater(record, conversation.last)) conversation.last = record;
  }
  return [...found.values()];
}

/**
 * 内容存档's chat lists: merges a batch into the summaries of the conversations it touched: their people as a
 * set union, and their last message only where the batch's is later (by time, then id) than the stored one.
 * Both are order-free and idempotent, so a batch read twice, two batches racing, or batches read out of order
 * end with the summary the stored messages give, without reading them again (recounting from the messages
 * scanned the whole collection per conversation on FerretDB: a minute a batch as the archive grew).
 */
export async function recomputeConversations(
  tenantId: string,
  records: readonly ChatMessageRecord[],
): Promise<void> {
  const conversations = byConversation(records);
  if (conversations.length === 0) return;
  const writes = conversations.flatMap((conversation) => {
    const _id = `${tenantId}:${conversation.conversationId}`;
    const { last } = conversation;
    const lastMessageAt = last.msgtime;
    return [
      {
        updateOne: {
          filter: { _id, tenantId },
          update: {
            $setOnInsert: {
              conversationId: conversation.conversationId,
              chatKind: conversation.chatKind,
              roomid: conversation.roomid,
              lastMessageAt: new Date(0),
              lastMessageId: '',
            },
            $addToSet: {
              staffUserids: { $each: [...conversation.staffUserids] },
              externalUserids: { $each: [...conversation.externalUserids] },
            },
          },
          upsert: true,
        },
      },
      {
        updateOne: {
          filter: {
            _id,
            tenantId,
            $or: [
              { lastMessageAt: { $lt: lastMessageAt } },
              { lastMessageAt, lastMessageId: { $lt: last._id } },
            ],
          },
          update: {
            $set: {
              lastMessageAt,
              lastMessageId: last._id,
              lastMessage: {
                msgtype: last.msgtype,
                from: last.from,
                content: (last.content ?? '').slice(0, PREVIEW_LENGTH),
              },
            },
          },
        },
      },
    ];
  });
  // In order: a summary exists before its last message is compared. Two runs creating the same summary at
  // once: one upsert loses with a duplicate key; once more finds it (every write here can be repeated).
  await bulkWriteInSlices(ChatConversationModel, writes, { ordered: true }).catch(() =>
    bulkWriteInSlices(ChatConversationModel, writes, { ordered: true }),
  );
}

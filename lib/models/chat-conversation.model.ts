import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One archived conversation's summary (内容存档's chat lists, R-5.1.1/5.1.2): who takes part and its last
 * message. The ingest merges each batch into the conversations it touched (lib/archive/chat-conversation-writes.ts),
 * in a way a batch read twice, or out of order, leaves as the stored messages say.
 * `_id` is `<tenantId>:<conversationId>`.
 */
const chatConversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    /** `room:<roomid>` or `single:<a>|<b>` (as on the messages). */
    conversationId: { type: String, required: true },
    chatKind: { type: String, required: true, enum: ['internal', 'external', 'group'] },
    roomid: { type: String, default: '' },
    /** Every member / external contact seen among the conversation's senders and receivers. */
    staffUserids: { type: [String], default: [] },
    externalUserids: { type: [String], default: [] },
    lastMessageAt: { type: Date, required: true },
    /** The last message's id (`<tenantId>:<msgid>`): which of two messages of one instant is the last. */
    lastMessageId: { type: String, default: '' },
    lastMessage: {
      msgtype: { type: String, default: '' },
      from: { type: String, default: '' },
      content: { type: String, default: '' },
    },
  },
  { timestamps: false, versionKey: false },
);
chatConversationSchema.plugin(tenantScopePlugin);
// 按员工检索 / 按客户检索: one person's conversations, newest first, 近30天/近90天 by last message time.
chatConversationSchema.index({ tenantId: 1, staffUserids: 1, lastMessageAt: -1, _id: -1 });
chatConversationSchema.index({ tenantId: 1, externalUserids: 1, lastMessageAt: -1, _id: -1 });

export type ChatConversation = InferSchemaType<typeof chatConversationSchema>;
export const ChatConversationModel = model('ChatConversation', chatConversationSchema, 'chat_conversations');

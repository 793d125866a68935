import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One archived WeCom message (会话内容存档, API.md §15.3), as the ingest stores it: the SDK's own fields, the
 * body under its msgtype, and what the lists and search need (who took part, which conversation, the text to
 * search). `_id` is `<tenantId>:<msgid>` — WeCom's msgid, qualified by the tenant so two tenants bound to the
 * same corp never collide — and Elasticsearch uses the same id, so a re-read batch overwrites, never doubles.
 */
const chatMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    msgid: { type: String, required: true },
    seq: { type: Number, required: true },
    /** send, or recall (msgtype revoke). */
    action: { type: String, required: true },
    msgtype: { type: String, required: true },
    from: { type: String, required: true },
    senderType: { type: String, required: true, enum: ['staff', 'external'] },
    tolist: { type: [String], default: [] },
    /** '' for a single chat. */
    roomid: { type: String, default: '' },
    /** 内部 / 外部 (single chats without / with an external party) and 群聊 (R-5.1.1-03, I-76). */
    chatKind: { type: String, required: true, enum: ['internal', 'external', 'group'] },
    /** `room:<roomid>`, or `single:<a>|<b>` with the two ids sorted. */
    conversationId: { type: String, required: true },
    /** Members and external parties among sender and receivers. */
    staffUserids: { type: [String], default: [] },
    externalUserids: { type: [String], default: [] },
    msgtime: { type: Date, required: true },
    /** msgtime's China day (YYYY-MM-DD): 群画像 counts messages per day. */
    day: { type: String, required: true },
    /** The searchable text of the message (text, link title, file name, chat-record and mixed texts). */
    content: { type: String, default: '' },
    /** WeCom's body object as it came (its key is msgtype, or `redpacket` for external_redpacket). */
    body: { type: Schema.Types.Mixed, default: {} },
    /** The file of an image/voice/video/file/emotion message, stored once in GridFS (chat-media-store.ts). */
    media: {
      fileKey: { type: String },
      sdkfileid: { type: String },
      md5sum: { type: String },
      size: { type: Number },
    },
    /** The files inside a mixed message, one per media item (`item` = its index in body.item), stored alike. */
    itemMedia: {
      type: [
        new Schema(
          {
            item: { type: Number, required: true },
            fileKey: { type: String },
            sdkfileid: { type: String },
            md5sum: { type: String },
            size: { type: Number },
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
  },
  { timestamps: false, versionKey: false },
);
chatMessageSchema.plugin(tenantScopePlugin);
// The message pane: one conversation, newest first, paged by (msgtime, _id) cursor.
chatMessageSchema.index({ tenantId: 1, conversationId: 1, msgtime: -1, _id: -1 });
// A staff member's / a customer's chats (按员工检索 / 按客户检索).
chatMessageSchema.index({ tenantId: 1, staffUserids: 1, msgtime: -1 });
chatMessageSchema.index({ tenantId: 1, externalUserids: 1, msgtime: -1 });
// 群画像's message trend recount per group and day.
chatMessageSchema.index({ tenantId: 1, roomid: 1, day: 1 });
// The daily 统计分析 rollup reads one day's messages of the tenant.
chatMessageSchema.index({ tenantId: 1, day: 1 });

export type ChatMessage = InferSchemaType<typeof chatMessageSchema>;
export const ChatMessageModel = model('ChatMessage', chatMessageSchema, 'chat_messages');

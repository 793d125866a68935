import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { undeliveredRecipientSchema } from './undelivered-recipient.schema';

/** An attachment's metadata; the bytes live in GridFS (lib/contact-records/attachment-store.ts), never here. */
const attachmentSchema = new Schema(
  {
    fileId: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
  },
  { _id: false },
);

const creatorSchema = new Schema(
  {
    staffId: { type: String, required: true },
    userid: { type: String, required: true },
    name: { type: String, required: true },
  },
  { _id: false },
);

/**
 * 联系记录 and 提醒事项 on a customer. Records are never edited (I-50, an audit trail); the creator
 * may delete theirs, which keeps the document with `deletedAt` and cancels its pending reminder.
 */
const contactRecordSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    externalUserid: { type: String, required: true },
    /** `record` = 联系记录 (text + attachments); `reminder` = 提醒事项 (@colleagues and/or 定时提醒). */
    kind: { type: String, enum: ['record', 'reminder'], required: true },
    text: { type: String, required: true },
    attachments: { type: [attachmentSchema], default: [] },
    mentionUserids: { type: [String], default: [] },
    /** 定时提醒, to the minute; the reminder workflow sleeps until then. */
    remindAt: { type: Date },
    creator: { type: creatorSchema, required: true },
    /** 提醒事项: the recipients WeCom did not deliver its messages to (the @ message or the due one). */
    undelivered: { type: [undeliveredRecipientSchema], default: [] },
    deletedAt: { type: Date },
  },
  { timestamps: true },
);
contactRecordSchema.plugin(tenantScopePlugin);
// The timeline: one customer's records, newest first.
contactRecordSchema.index({ tenantId: 1, externalUserid: 1, createdAt: -1 });

export type ContactRecord = InferSchemaType<typeof contactRecordSchema> & { _id: unknown };
export const ContactRecordModel = model('ContactRecord', contactRecordSchema, 'contact_records');

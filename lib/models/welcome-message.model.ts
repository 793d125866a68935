import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';
import { undeliveredRecipientSchema } from './undelivered-recipient.schema';

/**
 * 欢迎语: the default welcome (`kind: default`, one per tenant, I-35) and the 客户群欢迎语 templates
 * (`kind: group`, WeCom's 入群欢迎语素材). Attachments live here inline (there is no 素材 library yet); image
 * bytes sit in GridFS (lib/acquisition/welcome-image-store.ts).
 */
const attachmentSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['image', 'link', 'miniprogram'] },
    fileId: { type: String },
    name: { type: String },
    title: { type: String },
    url: { type: String },
    desc: { type: String },
    picUrl: { type: String },
    appid: { type: String },
    page: { type: String },
    coverFileId: { type: String },
  },
  { _id: false },
);

const welcomeMessageSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['default', 'group'] },
    text: { type: String, default: '' },
    attachment: { type: attachmentSchema, default: null },
    creatorStaffId: { type: String },
    creatorName: { type: String, default: '管理员' },
    /** Group templates: WeCom's template_id and where the write stands (like 员工活码). */
    templateId: { type: String },
    version: { type: Number, default: 1 },
    syncedVersion: { type: Number, default: 0 },
    /** Group owners were told about the template (R-2.3.2-03): once, on creation. */
    ownersNotifiedAt: { type: Date },
    /** The owners that notice did not reach, as WeCom answered the send. */
    ownersUndelivered: { type: [undeliveredRecipientSchema], default: undefined },
    deletedAt: { type: Date },
    sync: {
      status: { type: String, enum: ['pending', 'synced', 'failed'], default: 'pending' },
      errcode: { type: Number },
      errmsg: { type: String },
    },
  },
  { timestamps: true },
);
welcomeMessageSchema.plugin(tenantScopePlugin);
welcomeMessageSchema.index({ tenantId: 1, kind: 1, deletedAt: 1, updatedAt: -1 });

export type WelcomeMessage = InferSchemaType<typeof welcomeMessageSchema>;
export const WelcomeMessageModel = model('WelcomeMessage', welcomeMessageSchema, 'welcome_messages');

import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One WeCom template of a 群发 (add_msg_template: one per sender, split past 10,000 recipients). Written as
 * `intent` BEFORE the call, so that a worker killed between WeCom's answer and our write is recognised on
 * retry: an `intent` row is reconciled with get_groupmsg_list_v2 (a template of this sender, created since the
 * intent, with this text) instead of creating a second template. `_id` is `<sendId>|<senderUserid>|<chunk>`.
 */
const massSendTemplateSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    sendId: { type: String, required: true },
    senderUserid: { type: String, required: true },
    chunk: { type: Number, required: true },
    state: { type: String, required: true, enum: ['intent', 'created', 'failed'] },
    intentAt: { type: Date, required: true },
    msgid: { type: String, default: null },
    /** Recipients WeCom refused at creation (fail_list). */
    failList: { type: [String], default: [] },
    error: { type: String, default: null },
  },
  { versionKey: false, timestamps: true },
);
massSendTemplateSchema.plugin(tenantScopePlugin);
massSendTemplateSchema.index({ tenantId: 1, sendId: 1 });

export type MassSendTemplate = InferSchemaType<typeof massSendTemplateSchema>;
export const MassSendTemplateModel = model('MassSendTemplate', massSendTemplateSchema, 'mass_send_templates');

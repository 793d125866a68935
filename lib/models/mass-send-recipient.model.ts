import { InferSchemaType, Schema, model } from 'mongoose';
import { RECIPIENT_FAIL_REASONS, RECIPIENT_STATUSES } from '../contracts/mass-send.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One recipient of a 群发 (R-3.3.3-02): a customer, or for a group send a 客户群, with the member who sends it
 * (处理人) and the outcome WeCom reports. `_id` is `<sendId>|<recipientId>`: a customer is in a send once
 * (I-65), and resolving the audience again after a crash writes nothing twice.
 */
const massSendRecipientSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    sendId: { type: String, required: true },
    senderUserid: { type: String, required: true },
    /** external_userid, or chat_id for a group send. */
    recipientId: { type: String, required: true },
    recipientName: { type: String, default: '' },
    status: { type: String, enum: RECIPIENT_STATUSES, default: 'unsent' },
    failReason: { type: String, enum: [...RECIPIENT_FAIL_REASONS, null], default: null },
    sentAt: { type: Date, default: null },
  },
  // updatedAt: the results read model's version.
  { versionKey: false, timestamps: true },
);
massSendRecipientSchema.plugin(tenantScopePlugin);
// A sender's recipients, read by key when their template is created and when their results are applied.
massSendRecipientSchema.index({ tenantId: 1, sendId: 1, senderUserid: 1 });

export type MassSendRecipient = InferSchemaType<typeof massSendRecipientSchema>;
export const MassSendRecipientModel = model(
  'MassSendRecipient',
  massSendRecipientSchema,
  'mass_send_recipients',
);

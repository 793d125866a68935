import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 流失提醒 digest (issue 19 item 3): `_id` `<tenant>:<recipient>:<window>`, the message's text fixed by the
 * first attempt, and `sentAt` once WeCom took it. A retried send finds it: sent, it sends nothing; not yet
 * marked sent, it sends the same text again, which WeCom's duplicate check (message/send's
 * enable_duplicate_check, lib/wecom/message-api.ts) drops if the first attempt did reach WeCom.
 */
const customerLossDigestSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recipient: { type: String, required: true },
    bucket: { type: String, required: true },
    content: { type: String, required: true },
    /** The losses the text lists (customer_losses `_id`s). */
    lossIds: { type: [String], default: [] },
    sentAt: { type: Date, default: null },
    /** WeCom did not deliver it to the recipient (invaliduser / unlicenseduser). */
    undelivered: { type: String, default: null },
  },
  { versionKey: false, timestamps: true },
);
customerLossDigestSchema.plugin(tenantScopePlugin);

export type CustomerLossDigest = InferSchemaType<typeof customerLossDigestSchema> & { _id: string };
export const CustomerLossDigestModel = model(
  'CustomerLossDigest',
  customerLossDigestSchema,
  'customer_loss_digests',
);

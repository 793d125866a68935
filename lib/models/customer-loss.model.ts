import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/** Who ended the relation: the customer deleted the member (del_follow_user) or the member the customer. */
export const CUSTOMER_LOSS_KINDS = ['deleted_by_customer', 'deleted_by_staff'] as const;
export type CustomerLossKind = (typeof CUSTOMER_LOSS_KINDS)[number];

/**
 * 流失客户 (issue 19 item 3): one row per lost relation, as it stood when it ended. `_id` is the callback's
 * inbox key, so a redelivered event or a retried activity records nothing twice. Deletions by 在职继承
 * (Source DELETE_BY_TRANSFER) are no loss and never get here. The list, its filters and the overview's count
 * read the Elasticsearch read model (lib/search/customer-loss-index.ts); the digest reads by `digestBucket`.
 */
const customerLossSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    externalUserid: { type: String, required: true },
    /** The member of the ended relation. */
    userid: { type: String, required: true },
    kind: { type: String, enum: CUSTOMER_LOSS_KINDS, required: true },
    /** When WeCom says the relation ended (the event's CreateTime). */
    lostAt: { type: Date, required: true },
    customerName: { type: String, default: '' },
    /** The corp tags this member had put on the customer when the relation ended. */
    tagIds: { type: [String], default: [] },
    /** The last archived message between the two, when the chat archive has one. */
    lastChatAt: { type: Date },
    /**
     * The digest window the loss was recorded in (lib/customer-losses/digest-window.ts): the digest of that
     * window reads its losses by equality on it.
     */
    digestBucket: { type: String, required: true },
  },
  { timestamps: true },
);
customerLossSchema.plugin(tenantScopePlugin);
customerLossSchema.index({ tenantId: 1, digestBucket: 1 });

export type CustomerLoss = InferSchemaType<typeof customerLossSchema> & { _id: string };
export const CustomerLossModel = model('CustomerLoss', customerLossSchema, 'customer_losses');

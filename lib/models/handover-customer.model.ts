import { InferSchemaType, Schema, model } from 'mongoose';
import { HANDOVER_KINDS } from '../contracts/handover.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * Which handovers a customer was in (issue 19): one row per handover and customer, `_id`
 * `<handoverId>:<externalUserid>`, written by the handover's workflow before its transfer calls. A handover keeps its customers in an
 * array, which the embedded store cannot search by key; this index by `{tenantId, externalUserid}` answers
 * "this customer's transfers" (在职继承's 2 per 90 days and 24 h wait, a `transfer_fail` event's handover) by
 * equality. Each customer's status stays in the handover itself.
 */
const handoverCustomerSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    externalUserid: { type: String, required: true },
    handoverId: { type: String, required: true },
    kind: { type: String, required: true, enum: HANDOVER_KINDS },
  },
  { versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);
handoverCustomerSchema.plugin(tenantScopePlugin);
handoverCustomerSchema.index({ tenantId: 1, externalUserid: 1 });

export type HandoverCustomer = InferSchemaType<typeof handoverCustomerSchema> & { _id: string };
export const HandoverCustomerModel = model('HandoverCustomer', handoverCustomerSchema, 'handover_customers');

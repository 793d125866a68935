import { InferSchemaType, Schema, model } from 'mongoose';
import { HANDOVER_CUSTOMER_STATUSES, HANDOVER_KINDS } from '../contracts/handover.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 继承 (issue 19): a member's customers and groups handed to a successor, read and written by key only.
 * The workflow `handover/<tenant>/<id>` owns `customers[].status` and `finishedAt` from the start on; a
 * customer's `errcode` is set once, by the call that started it (so a retried batch is not sent twice).
 */
const handoverSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: HANDOVER_KINDS },
    handoverUserid: { type: String, required: true },
    takeoverUserid: { type: String, required: true },
    successMsg: { type: String, default: null },
    customers: {
      type: [
        new Schema(
          {
            externalUserid: { type: String, required: true },
            /** null until the transfer call answered for this customer. */
            status: { type: String, enum: [...HANDOVER_CUSTOMER_STATUSES, null], default: null },
            errcode: { type: Number, default: null },
            takeoverAt: { type: Date, default: null },
            /** When the new owner was written to the customer (after WeCom said done). */
            appliedAt: { type: Date, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    groups: {
      type: [
        new Schema(
          {
            chatId: { type: String, required: true },
            status: { type: String, enum: ['done', 'rejected', null], default: null },
            errcode: { type: Number, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    createdBy: { type: new Schema({ staffId: String, userid: String }, { _id: false }), required: true },
    finishedAt: { type: Date, default: null },
  },
  { versionKey: false, timestamps: true },
);
handoverSchema.plugin(tenantScopePlugin);

export type Handover = InferSchemaType<typeof handoverSchema>;
export const HandoverModel = model('Handover', handoverSchema, 'handovers');

import { InferSchemaType, Schema, model } from 'mongoose';
import { MASS_SEND_KINDS, MASS_SEND_STATUSES } from '../contracts/mass-send.contract';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One 群发: what it says, to whom (the audience as chosen: resolved again when it goes out), when, and
 * where it stands. The workflow `mass-send/<tenant>/<id>` owns `status` from submission on; the recipients and
 * the per-sender templates live beside it (mass-send-recipient, mass-send-template).
 */
const massSendSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: MASS_SEND_KINDS },
    text: { type: String, required: true },
    /** lib/contracts/mass-send.contract.ts `MassSendAudience`, as validated. */
    audience: { type: Schema.Types.Mixed, required: true },
    /** lib/contracts/mass-send.contract.ts `MassSendTiming`, as validated. */
    timing: { type: Schema.Types.Mixed, required: true },
    remindAfterHours: { type: Number, default: 0 },
    status: { type: String, required: true, enum: MASS_SEND_STATUSES },
    /** WeCom's reason when every template was refused (发送失败). */
    failReason: { type: String, default: null },
    /** When it goes out (the scheduled time, or the moment 立即发送 was pressed); null for a draft. */
    sendAt: { type: Date, default: null },
    creator: {
      type: new Schema({ staffId: String, userid: String, name: String }, { _id: false }),
      required: true,
    },
    /** Recipients by outcome, written by each tracking pass. */
    progress: {
      type: new Schema({ total: Number, sent: Number, unsent: Number, failed: Number }, { _id: false }),
      default: () => ({ total: 0, sent: 0, unsent: 0, failed: 0 }),
    },
    deletedAt: { type: Date, default: null },
  },
  // updatedAt: the list read model's version.
  { versionKey: false, timestamps: true },
);
massSendSchema.plugin(tenantScopePlugin);

export type MassSend = InferSchemaType<typeof massSendSchema>;
export const MassSendModel = model('MassSend', massSendSchema, 'mass_sends');

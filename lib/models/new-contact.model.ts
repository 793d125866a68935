import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * One add_external_contact event as the welcome workflow handled it (keyed by its inbox key, so a redelivery
 * is the same row): which 员工活码 it came through (WeCom's State), and what became of the welcome and the
 * code's tags. The 扫码趋势 chart counts these rows per code and China-time day.
 */
const newContactSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    inboxKey: { type: String, required: true },
    userid: { type: String, required: true },
    externalUserid: { type: String, required: true },
    state: { type: String, default: '' },
    /** The 员工活码 named by `state`, when it is one of ours. */
    codeId: { type: String },
    addedAt: { type: Date, required: true },
    /** YYYY-MM-DD in China time, for the per-day chart without date expressions FerretDB lacks. */
    day: { type: String, required: true },
    welcome: {
      status: { type: String, enum: ['pending', 'sent', 'failed', 'skipped'], default: 'pending' },
      /** Whose welcome: the code's own or the default one (R-2.3.1-02). */
      source: { type: String, enum: ['code', 'default', 'none'] },
      errcode: { type: Number },
      errmsg: { type: String },
      at: { type: Date },
    },
    tagging: {
      status: { type: String, enum: ['none', 'pending', 'done', 'failed'], default: 'none' },
      tagIds: { type: [String], default: [] },
      errcode: { type: Number },
      errmsg: { type: String },
    },
  },
  { timestamps: true },
);
newContactSchema.plugin(tenantScopePlugin);
newContactSchema.index({ tenantId: 1, inboxKey: 1 }, { unique: true });
newContactSchema.index({ tenantId: 1, codeId: 1, day: 1 });
newContactSchema.index({ tenantId: 1, codeId: 1, addedAt: -1 });
newContactSchema.index({ tenantId: 1, externalUserid: 1 });

export type NewContact = InferSchemaType<typeof newContactSchema>;
export const NewContactModel = model('NewContact', newContactSchema, 'new_contacts');

import { InferSchemaType, Schema, model } from 'mongoose';
import { cleanJson } from '../db/to-json';

/**
 * A customer company using the SCRM. Its id is a short slug used in URLs (callback paths, workflow ids).
 * WeCom secrets live here until the binding page (with encryption at rest) takes them over.
 */
const wecomBindingSchema = new Schema(
  {
    corpId: { type: String, required: true },
    corpName: { type: String, required: true },
    contactsSecret: { type: String, required: true },
    agentId: { type: Number },
    appSecret: { type: String },
    callbackToken: { type: String, required: true },
    callbackAesKey: { type: String, required: true },
  },
  { _id: false },
);

const tenantSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    seats: { type: Number, required: true, min: 0 },
    effectiveAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    wecom: { type: wecomBindingSchema },
    /**
     * Set when WeCom refused a contacts write with 48002 (通讯录同步 secret with read-only permission, I-95):
     * editing the org is off while the contacts secret is the one with this hash, so a new secret lifts it.
     */
    contactsReadOnly: {
      type: new Schema(
        { secretHash: { type: String, required: true }, errcode: Number, at: Date },
        { _id: false },
      ),
    },
    /** Set by the tenant-validity workflow when it applies a phase (pending / active / expired). */
    phase: { type: String, enum: ['pending', 'active', 'expired'] },
    phaseChangedAt: { type: Date },
  },
  { timestamps: true, toJSON: cleanJson },
);

export type Tenant = InferSchemaType<typeof tenantSchema>;
export const TenantModel = model('Tenant', tenantSchema, 'tenants');

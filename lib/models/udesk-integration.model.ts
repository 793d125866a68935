import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 系统对接 → Udesk, one document per tenant (`_id` = tenant id), written only after Udesk accepted the
 * credentials. `apiToken` is sealed (lib/secrets/secret-box.ts); lib/udesk/udesk-integration-store.ts is the
 * only code that seals and opens it.
 */
const udeskIntegrationSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    domain: { type: String, required: true },
    adminEmail: { type: String, required: true },
    apiToken: { type: String, required: true },
    /** R-7.5-03: 已开启 / 未开启. */
    enabled: { type: Boolean, required: true },
  },
  { versionKey: false, timestamps: true },
);
udeskIntegrationSchema.plugin(tenantScopePlugin);

export type UdeskIntegrationDoc = InferSchemaType<typeof udeskIntegrationSchema>;
export const UdeskIntegrationModel = model('UdeskIntegration', udeskIntegrationSchema, 'udesk_integrations');

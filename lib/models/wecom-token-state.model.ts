import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * When each of a tenant's access tokens was last fetched and when WeCom said it expires (the token itself
 * stays in the fetching process's memory, never here). `_id` is `<tenant>|<secret kind>`.
 */
const wecomTokenStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    secretKind: { type: String, required: true },
    fetchedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
wecomTokenStateSchema.plugin(tenantScopePlugin);
wecomTokenStateSchema.index({ tenantId: 1 });

export type WeComTokenState = InferSchemaType<typeof wecomTokenStateSchema>;
export const WeComTokenStateModel = model('WeComTokenState', wecomTokenStateSchema, 'wecom_token_states');

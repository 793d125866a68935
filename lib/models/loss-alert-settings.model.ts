import { InferSchemaType, Schema, model } from 'mongoose';
import { tenantScopePlugin } from '../db/tenant-scope.plugin';

/**
 * 流失提醒设置, one document per tenant (`_id` = tenant id). Until first saved the defaults apply: on, the
 * member concerned told, no managers (lib/customer-losses/loss-alert-settings.ts).
 */
const lossAlertSettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    enabled: { type: Boolean, default: true },
    notifyMember: { type: Boolean, default: true },
    managerUserids: { type: [String], default: [] },
  },
  { versionKey: false, timestamps: true },
);
lossAlertSettingsSchema.plugin(tenantScopePlugin);

export type StoredLossAlertSettings = InferSchemaType<typeof lossAlertSettingsSchema>;
export const LossAlertSettingsModel = model(
  'LossAlertSettings',
  lossAlertSettingsSchema,
  'loss_alert_settings',
);

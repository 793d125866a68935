import type { LossAlertSettings } from '../contracts/customer-losses.contract';
import { LossAlertSettingsModel } from '../models/loss-alert-settings.model';

export const DEFAULT_LOSS_ALERT_SETTINGS: LossAlertSettings = {
  enabled: true,
  notifyMember: true,
  managerUserids: [],
};

export async function loadLossAlertSettings(tenantId: string): Promise<LossAlertSettings> {
  const stored = await LossAlertSettingsModel.findOne({ tenantId, _id: tenantId }).lean();
  if (!stored) return DEFAULT_LOSS_ALERT_SETTINGS;
  return {
    enabled: stored.enabled,
    notifyMember: stored.notifyMember,
    managerUserids: stored.managerUserids,
  };
}

export async function saveLossAlertSettings(
  tenantId: string,
  settings: LossAlertSettings,
): Promise<LossAlertSettings> {
  await LossAlertSettingsModel.updateOne(
    { tenantId, _id: tenantId },
    { $set: { ...settings, managerUserids: [...new Set(settings.managerUserids)] } },
    { upsert: true },
  );
  return loadLossAlertSettings(tenantId);
}

/** Who hears of one member's loss: the member (when chosen) and every chosen manager, once each. */
export function lossRecipients(settings: LossAlertSettings, userid: string): string[] {
  if (!settings.enabled) return [];
  return [...new Set([...(settings.notifyMember ? [userid] : []), ...settings.managerUserids])];
}

import type { SensitiveBehaviorSettingsView } from '../contracts/sensitive-behavior-settings.contract';
import {
  SensitiveBehaviorSettingsModel,
  type AuditedParty,
  type SensitiveBehavior,
} from '../models/sensitive-behavior-settings.model';

/** R-7.6-02/05/08: nothing watched, customers and staff audited, app notifications on. */
export const DEFAULT_BEHAVIOR_SETTINGS: SensitiveBehaviorSettingsView = {
  behaviors: [],
  auditedParties: ['customer', 'staff'],
  auditedUserids: [],
  notifyGroupOwner: false,
  notifyTrigger: false,
  notifyUserids: [],
  notifyByApp: true,
};

export async function loadBehaviorSettings(tenantId: string): Promise<SensitiveBehaviorSettingsView> {
  const stored = await SensitiveBehaviorSettingsModel.findOne({ tenantId, _id: tenantId }).lean();
  if (!stored) return DEFAULT_BEHAVIOR_SETTINGS;
  return {
    behaviors: stored.behaviors as SensitiveBehavior[],
    auditedParties: stored.auditedParties as AuditedParty[],
    auditedUserids: stored.auditedUserids,
    notifyGroupOwner: stored.notifyGroupOwner,
    notifyTrigger: stored.notifyTrigger,
    notifyUserids: stored.notifyUserids,
    notifyByApp: stored.notifyByApp,
  };
}

export async function saveBehaviorSettings(
  tenantId: string,
  settings: SensitiveBehaviorSettingsView,
): Promise<SensitiveBehaviorSettingsView> {
  const unique = (list: readonly string[]) => [...new Set(list)];
  await SensitiveBehaviorSettingsModel.updateOne(
    { tenantId, _id: tenantId },
    {
      $set: {
        ...settings,
        behaviors: unique(settings.behaviors),
        auditedParties: unique(settings.auditedParties),
        auditedUserids: unique(settings.auditedUserids),
        notifyUserids: unique(settings.notifyUserids),
      },
    },
    { upsert: true },
  );
  return loadBehaviorSettings(tenantId);
}

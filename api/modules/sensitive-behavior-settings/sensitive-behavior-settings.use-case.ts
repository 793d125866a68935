import type { SensitiveBehaviorSettingsView } from '../../../lib/contracts/sensitive-behavior-settings.contract';
import { loadBehaviorSettings, saveBehaviorSettings } from '../../../lib/sensitive/behavior-settings';
import type { Caller } from '../../auth/caller';
import { recordAudit } from '../audit/record-audit';

/** The settings in force: the defaults until the tenant first saves them. */
export function getBehaviorSettings(caller: Caller): Promise<SensitiveBehaviorSettingsView> {
  return loadBehaviorSettings(caller.tenantId);
}

/** 保存 敏感行为设置; detection follows from the next ingested batch or event. */
export async function updateBehaviorSettings(
  caller: Caller,
  input: SensitiveBehaviorSettingsView,
): Promise<SensitiveBehaviorSettingsView> {
  const before = await loadBehaviorSettings(caller.tenantId);
  const after = await saveBehaviorSettings(caller.tenantId, input);
  await recordAudit(caller, {
    action: 'sensitive-behavior-settings.update',
    target: { type: 'sensitive-behavior-settings', id: caller.tenantId, name: '敏感行为设置' },
    before,
    after,
  });
  return after;
}

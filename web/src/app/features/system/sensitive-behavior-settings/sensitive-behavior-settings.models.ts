import type { SensitiveBehaviorSettingsView } from '@contracts/sensitive-behavior-settings.contract';

/** 敏感行为设置 as the api serves it (lib/contracts/sensitive-behavior-settings.contract.ts). */
export type SensitiveBehaviorSettings = SensitiveBehaviorSettingsView;
export type SensitiveBehavior = SensitiveBehaviorSettings['behaviors'][number];
export type AuditedParty = SensitiveBehaviorSettings['auditedParties'][number];

export const BEHAVIOR_OPTIONS: ReadonlyArray<{ value: SensitiveBehavior; label: string }> = [
  { value: 'redpacket', label: '发红包' },
  { value: 'card', label: '发名片' },
  { value: 'sensitive-message', label: '敏感消息' },
  { value: 'delete-friend', label: '删除好友' },
];

export const PARTY_OPTIONS: ReadonlyArray<{ value: AuditedParty; label: string }> = [
  { value: 'customer', label: '客户' },
  { value: 'staff', label: '员工' },
];

/** I-111: at least one of 客户 / 员工. */
export const settingsError = (settings: SensitiveBehaviorSettings): string | null =>
  settings.auditedParties.length === 0 ? '请至少选择一个被审计范围' : null;

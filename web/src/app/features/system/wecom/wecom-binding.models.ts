import type { SaveWecomBinding, WecomBindingView, WecomHealth } from '@contracts/wecom-binding.contract';

/** The /api/wecom/* shapes (lib/contracts/wecom-binding.contract.ts). */
export type {
  BindingFailure,
  BindingField,
  DoctorItem,
  DoctorReport,
  WecomHealth,
} from '@contracts/wecom-binding.contract';

export type WecomBinding = WecomBindingView;
/** 通讯录 or 客户联系's callback settings, with the secret masked (stars + last 4), null when not set. */
export type CallbackSettings = WecomBinding['contacts'];

/** PUT /api/wecom/binding. */
export type SaveBindingRequest = SaveWecomBinding;

/** One sync's line of the health panel: org, customers, customer groups, corp tags. */
export type SyncHealth = WecomHealth['syncs'][number];

/** The /api/wecom/* shapes (lib/contracts/wecom-binding.contract.ts). */
export interface CallbackSettings {
  token: string;
  encodingAesKey: string;
  callbackUrl: string;
  /** Masked (stars + last 4), null when not set. */
  secret: string | null;
}

export interface WecomBinding {
  bound: boolean;
  corpId: string;
  contacts: CallbackSettings;
  customers: CallbackSettings;
  archive: { secret: string | null; keys: Array<{ version: number; publicKeyFingerprint: string }> };
  app: { name: string; agentId: number | null; secret: string | null };
  updatedAt: string | null;
}

export type BindingField =
  | 'corpId'
  | 'contactsSecret'
  | 'externalContactSecret'
  | 'archiveSecret'
  | 'archiveKeys'
  | 'agentId'
  | 'appSecret';

export interface BindingFailure {
  field: BindingField;
  message: string;
  errcode?: number;
  errmsg?: string;
}

export interface SaveBindingRequest {
  corpId: string;
  contactsSecret?: string;
  externalContactSecret?: string;
  archiveSecret?: string;
  archiveKeys: Array<{ version: number; privateKey?: string }>;
  appName: string;
  agentId: number;
  appSecret?: string;
}

export interface DoctorItem {
  key: string;
  label: string;
  status: 'ok' | 'warn' | 'error';
  message: string;
}

export interface DoctorReport {
  checkedAt: string;
  items: DoctorItem[];
}

export interface WecomHealth {
  generatedAt: string;
  calls: {
    windowHours: number;
    total: number;
    failed: number;
    errorRate: number;
    byErrcode: Array<{ errcode: number; count: number; rate: number }>;
  };
  tokens: Array<{
    secretKind: string;
    state: 'cached' | 'expired';
    fetchedAt: string;
    expiresInSeconds: number;
  }>;
  rateLimit: {
    perMinuteLimit: number;
    perHourLimit: number;
    busiestPathLastMinute: { path: string; count: number } | null;
    busiestPathLastHour: { path: string; count: number } | null;
    headroomPercent: number;
    refusedLastHour: number;
  };
  inbox: { backlog: number; failed: number; oldestPendingAt: string | null };
  /** One per sync: org, customers, customer groups, corp tags. */
  syncs: SyncHealth[];
  /** The chat archive's ingest; null before its first run. */
  archive: {
    seq: number;
    lastIngestAt: string | null;
    checkedAt: string | null;
    idleReason: string | null;
    lastError: string | null;
    failedAt: string | null;
  } | null;
}

export interface SyncHealth {
  kind: 'org' | 'customers' | 'customer-groups' | 'corp-tags';
  lastSuccessAt: string | null;
  lagSeconds: number | null;
  running: boolean;
  /** Why the latest run failed, or why its running step waits until `retryAt`. */
  lastError: string | null;
  retryAt: string | null;
}

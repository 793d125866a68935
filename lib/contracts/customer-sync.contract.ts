import { z } from './common.contract';
import { syncStatusSchema } from './org.contract';

/**
 * The 同步 buttons of 客户 (`/api/customers/sync`), 客户群 (`/api/customer-groups/sync`) and 标签管理
 * (`/api/tags/sync`), with the org sync's rules (R-3.2.1-02, R-7.1.2-02): 2 manual syncs a day (China time),
 * at least 10 minutes apart.
 *
 * GET  → 200 CustomerSideSyncStatus:
 *   { lastSync: { finishedAt, count, status: running|completed|failed, error, retryAt } | null,
 *     lastSyncText: '最近更新：2026-11-25 10:00:00，同步 120 条信息' | null  (the latest completed run),
 *     manualSyncsToday, nextManualSyncAt (ISO; null when none is left today) }
 * POST → 202 CustomerSideSyncStarted { message: '同步已开始，请稍候', workflowId };
 *        409 { code: SYNC_RUNNING, message: '同步进行中，请稍后再试' };
 *        429 { code: SYNC_QUOTA, message: '每天最多手动同步 2 次，请明天再试' | '距离上次同步不足 10 分钟，请稍后再试' };
 *        503 { code: TEMPORAL_UNAVAILABLE }.
 * `count` is what WeCom has after the run: active customers, groups still listed, corp tags.
 */
export const customerSideSyncStatusSchema = syncStatusSchema
  .extend({ lastSyncText: z.string().nullable() })
  .openapi('CustomerSideSyncStatus');

export const customerSideSyncStartedSchema = z
  .object({ message: z.string(), workflowId: z.string() })
  .openapi('CustomerSideSyncStarted');

export type CustomerSideSyncStatus = z.infer<typeof customerSideSyncStatusSchema>;

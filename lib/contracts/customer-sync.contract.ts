import { z } from './common.contract';

/**
 * The 同步 buttons of 客户 (`/api/customers/sync`), 客户群 (`/api/customer-groups/sync`) and 标签管理
 * (`/api/tags/sync`), with the org sync's rules (R-3.2.1-02, R-7.1.2-02): 2 manual syncs a day (China time),
 * at least 10 minutes apart.
 *
 * GET  → 200 SyncStatus (the org sync's, lib/contracts/org.contract.ts):
 *   { lastSync: { finishedAt, count, status: running|completed|failed, error, retryAt } | null,
 *  *     manualSyncsToday, nextManualSyncAt (ISO; null when none is left today) }
 * POST → 202 CustomerSideSyncStarted { message: '同步已开始，请稍候', workflowId };
 *        409 { code: SYNC_RUNNING, message: '同步进行中，请稍后再试' };
 *        429 { code: SYNC_QUOTA, message: '每天最多手动同步 2 次，请明天再试' | '距离上次同步不足 10 分钟，请稍后再试' };
 *        503 { code: TEMPORAL_UNAVAILABLE }.
 * `count` is what WeCom has after the run: active customers, groups still listed, corp tags.
 */
export const customerSideSyncStartedSchema = z
  .object({ message: z.string(), workflowId: z.string() })
  .openapi('CustomerSideSyncStarted');

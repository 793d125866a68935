import { WECOM_PER_HOUR, WECOM_PER_MINUTE } from '../../../lib/wecom/call-budget';
import type { WecomHealth } from '../../../lib/contracts/wecom-binding.contract';
import { ArchiveCursorModel } from '../../../lib/models/archive-cursor.model';
import { CallbackInboxModel } from '../../../lib/models/callback-inbox.model';
import { SYNC_KINDS } from '../../../lib/contracts/wecom-binding.contract';
import { SyncRunModel, type SyncKind } from '../../../lib/models/sync-run.model';
import { WeComCallStatModel } from '../../../lib/models/wecom-call-stat.model';
import { TenantModel } from '../../../lib/models/tenant.model';
import { WeComTokenStateModel } from '../../../lib/models/wecom-token-state.model';
import type { AppContext } from '../../app-context';
import { notFound } from '../../http/app-error';

/** WeCom's answers when a call went over its frequency (45009) or concurrency (45033) limits. */
const LIMIT_ERRCODES = new Set([45009, 45033]);
const WINDOW_HOURS = 24;
const MINUTE_MS = 60_000;

interface Counted {
  _id: string | number;
  count: number;
}

function countsSince(tenantId: string, since: Date, groupBy: '$errcode' | '$path'): Promise<Counted[]> {
  return WeComCallStatModel.aggregate<Counted>([
    { $match: { tenantId, minute: { $gte: since } } },
    { $group: { _id: groupBy, count: { $sum: '$count' } } },
  ]);
}

function busiest(rows: Counted[]): { path: string; count: number } | null {
  const top = rows.reduce<Counted | null>(
    (best, row) => (!best || row.count > best.count ? row : best),
    null,
  );
  return top ? { path: String(top._id), count: top.count } : null;
}

/** Where one sync stands: its last success and how long ago, and what its latest run says went wrong. */
async function syncHealth(
  tenantId: string,
  kind: SyncKind,
  nowMs: number,
): Promise<WecomHealth['syncs'][number]> {
  const runs = await SyncRunModel.find({ tenantId, kind }).sort({ startedAt: -1 }).limit(20).lean();
  const lastSuccess = runs.find((run) => run.status === 'completed' && run.finishedAt);
  const latest = runs[0];
  return {
    kind,
    lastSuccessAt: lastSuccess?.finishedAt?.toISOString() ?? null,
    lagSeconds: lastSuccess?.finishedAt
      ? Math.floor((nowMs - lastSuccess.finishedAt.getTime()) / 1000)
      : null,
    running: latest?.status === 'running',
    lastError:
      latest?.status === 'failed'
        ? (latest.error ?? '同步失败')
        : latest?.status === 'running' && latest.retryAt
          ? (latest.error ?? null)
          : null,
    retryAt: latest?.status === 'running' ? (latest.retryAt?.toISOString() ?? null) : null,
  };
}

/**
 * The health panel's numbers for one tenant (the caller's, or the one a platform operator names), from the
 * counters every api and worker process writes: this process's latest counts first, so the panel includes
 * the calls just made.
 */
export async function wecomHealth(
  { tenantId }: { tenantId: string },
  { wecomStats }: Pick<AppContext, 'wecomStats'>,
  now = new Date(),
): Promise<WecomHealth> {
  await wecomStats.flush();
  const nowMs = now.getTime();
  const currentMinute = new Date(Math.floor(nowMs / MINUTE_MS) * MINUTE_MS);
  const [byErrcode, hourByErrcode, lastHour, lastMinute, tokens, backlog, failed, oldest, syncs, archive] =
    await Promise.all([
      countsSince(tenantId, new Date(nowMs - WINDOW_HOURS * 3600_000), '$errcode'),
      countsSince(tenantId, new Date(nowMs - 3600_000), '$errcode'),
      countsSince(tenantId, new Date(nowMs - 3600_000), '$path'),
      countsSince(tenantId, currentMinute, '$path'),
      WeComTokenStateModel.find({ tenantId }).sort({ secretKind: 1 }).lean(),
      CallbackInboxModel.countDocuments({ tenantId, status: 'received' }),
      CallbackInboxModel.countDocuments({ tenantId, status: 'failed' }),
      CallbackInboxModel.findOne({ tenantId, status: 'received' }, { receivedAt: 1 })
        .sort({ receivedAt: 1 })
        .lean(),
      Promise.all(SYNC_KINDS.map((kind) => syncHealth(tenantId, kind, nowMs))),
      ArchiveCursorModel.findOne({ tenantId }).lean(),
    ]);

  const total = byErrcode.reduce((sum, row) => sum + row.count, 0);
  const failedCalls = byErrcode.filter((row) => row._id !== 0).reduce((sum, row) => sum + row.count, 0);
  const minuteTop = busiest(lastMinute);
  const hourTop = busiest(lastHour);
  const used = Math.max((minuteTop?.count ?? 0) / WECOM_PER_MINUTE, (hourTop?.count ?? 0) / WECOM_PER_HOUR);

  return {
    generatedAt: now.toISOString(),
    calls: {
      windowHours: WINDOW_HOURS,
      total,
      failed: failedCalls,
      errorRate: total === 0 ? 0 : failedCalls / total,
      byErrcode: byErrcode
        .map((row) => ({
          errcode: Number(row._id),
          count: row.count,
          rate: total === 0 ? 0 : row.count / total,
        }))
        .sort((a, b) => b.count - a.count),
    },
    tokens: tokens.map((token) => {
      const expiresInSeconds = Math.max(0, Math.floor((token.expiresAt.getTime() - nowMs) / 1000));
      return {
        secretKind: token.secretKind,
        state: expiresInSeconds > 0 ? ('cached' as const) : ('expired' as const),
        fetchedAt: token.fetchedAt.toISOString(),
        expiresInSeconds,
      };
    }),
    rateLimit: {
      perMinuteLimit: WECOM_PER_MINUTE,
      perHourLimit: WECOM_PER_HOUR,
      busiestPathLastMinute: minuteTop,
      busiestPathLastHour: hourTop,
      headroomPercent: Math.round((1 - Math.min(1, used)) * 1000) / 10,
      refusedLastHour: hourByErrcode
        .filter((row) => LIMIT_ERRCODES.has(Number(row._id)))
        .reduce((sum, row) => sum + row.count, 0),
    },
    inbox: { backlog, failed, oldestPendingAt: oldest?.receivedAt.toISOString() ?? null },
    syncs,
    archive: archive && {
      seq: archive.seq,
      lastIngestAt: archive.updatedAt?.toISOString() ?? null,
      checkedAt: archive.checkedAt?.toISOString() ?? null,
      idleReason: archive.idleReason ?? null,
      lastError: archive.lastError ?? null,
      failedAt: archive.failedAt?.toISOString() ?? null,
    },
  };
}

/** The same panel for platform operators, per tenant: support sees a tenant's setup without logging in as them. */
export async function platformWeComHealth(
  { tenantId }: { tenantId: string },
  deps: Pick<AppContext, 'wecomStats'>,
): Promise<WecomHealth> {
  if (!(await TenantModel.exists({ _id: tenantId }))) throw notFound('企业不存在', 'TENANT_NOT_FOUND');
  return wecomHealth({ tenantId }, deps);
}

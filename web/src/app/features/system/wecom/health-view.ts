import { formatDateTime } from '../../../core/format/date-time';
import { SyncHealth, WecomHealth } from './wecom-binding.models';

const SYNC_NAMES: Record<SyncHealth['kind'], string> = {
  org: '组织架构同步',
  customers: '客户同步',
  'customer-groups': '客户群同步',
  'corp-tags': '企业标签同步',
};

/** The slowest schedules run every 6 hours: a last success older than 8 hours means a run was missed. */
const SYNC_LAG_WARN_SECONDS = 8 * 3600;

const SECRET_NAMES: Record<string, string> = {
  contacts: '通讯录',
  externalContact: '外部联系人',
  app: '应用',
  archive: '会话存档',
};

/** 1 h 58 min style, in Chinese; seconds only under a minute. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours >= 24) return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  return hours > 0 ? `${hours} 小时 ${minutes} 分` : `${minutes} 分`;
}

export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export interface HealthLine {
  label: string;
  value: string;
  status: 'ok' | 'warn' | 'error';
}

/** The health panel as lines a person reads: each with a traffic light. */
export function healthLines(health: WecomHealth): HealthLine[] {
  const { calls, rateLimit, inbox } = health;
  const errorList = calls.byErrcode
    .filter((row) => row.errcode !== 0)
    .map((row) => `${row.errcode === -999 ? '网络错误' : row.errcode} × ${row.count}（${percent(row.rate)}）`)
    .join('，');
  const lines: HealthLine[] = [
    {
      label: `调用（近 ${calls.windowHours} 小时）`,
      value:
        calls.total === 0
          ? '暂无调用'
          : `${calls.total} 次，失败 ${calls.failed} 次（${percent(calls.errorRate)}）${errorList ? `：${errorList}` : ''}`,
      status: calls.errorRate > 0.2 ? 'error' : calls.errorRate > 0 ? 'warn' : 'ok',
    },
    ...health.tokens.map((token): HealthLine => ({
      label: `${SECRET_NAMES[token.secretKind] ?? token.secretKind} access_token`,
      value:
        token.state === 'cached'
          ? `有效，${formatDuration(token.expiresInSeconds)}后过期`
          : '已过期，下次调用时重新获取',
      status: token.state === 'cached' ? 'ok' : 'warn',
    })),
    {
      label: '频率余量',
      value: `${rateLimit.headroomPercent}%（单接口每分钟 ${rateLimit.perMinuteLimit} 次、每小时 ${rateLimit.perHourLimit} 次${
        rateLimit.busiestPathLastHour
          ? `；近一小时最多的是 ${rateLimit.busiestPathLastHour.path} ${rateLimit.busiestPathLastHour.count} 次`
          : ''
      }）${
        rateLimit.refusedLastHour > 0
          ? `；近一小时被企业微信限流 ${rateLimit.refusedLastHour} 次（45009/45033），调用已自动放慢`
          : ''
      }`,
      status:
        rateLimit.headroomPercent < 10
          ? 'error'
          : rateLimit.headroomPercent < 30 || rateLimit.refusedLastHour > 0
            ? 'warn'
            : 'ok',
    },
    {
      label: '回调待处理',
      value: `${inbox.backlog} 条${inbox.failed ? `，处理失败 ${inbox.failed} 条` : ''}`,
      status: inbox.failed > 0 ? 'error' : inbox.backlog > 100 ? 'warn' : 'ok',
    },
    ...health.syncs.map(syncLine),
    ...(health.archive ? [archiveLine(health.archive)] : []),
  ];
  if (health.tokens.length === 0) {
    lines.splice(1, 0, { label: 'access_token', value: '尚未获取', status: 'warn' });
  }
  return lines;
}

/** The archive ingest runs every minute: a last read older than 10 minutes means it is stuck. */
const ARCHIVE_LAG_WARN_MS = 10 * 60_000;

/** The chat archive's line: failing (it retries by itself), idle and why, or how recently it read. */
function archiveLine(archive: NonNullable<WecomHealth['archive']>, now = Date.now()): HealthLine {
  const label = '会话存档拉取';
  if (archive.lastError) {
    return {
      label,
      value:
        `${archive.failedAt ? formatDateTime(archive.failedAt) : ''} 拉取失败：${archive.lastError}（自动重试中）`.trim(),
      status: 'error',
    };
  }
  if (archive.idleReason) return { label, value: `未拉取：${archive.idleReason}`, status: 'warn' };
  if (!archive.checkedAt) return { label, value: '尚未拉取', status: 'ok' };
  const lagSeconds = Math.max(0, Math.floor((now - new Date(archive.checkedAt).getTime()) / 1000));
  return {
    label,
    value: `${formatDuration(lagSeconds)}前拉取${archive.lastIngestAt ? `，最近存入 ${formatDateTime(archive.lastIngestAt)}` : ''}（seq ${archive.seq}）`,
    status: lagSeconds * 1000 > ARCHIVE_LAG_WARN_MS ? 'warn' : 'ok',
  };
}

/** A sync's line: a failure or a step waiting to run again says why; an old success is a warning. */
function syncLine(sync: SyncHealth): HealthLine {
  const label = SYNC_NAMES[sync.kind];
  if (sync.running && sync.retryAt) {
    return {
      label,
      value: `同步中，遇到问题（${sync.lastError ?? '未知原因'}），将于 ${formatDateTime(sync.retryAt)} 自动重试`,
      status: 'warn',
    };
  }
  if (sync.running) return { label, value: '同步中', status: 'ok' };
  if (sync.lagSeconds === null) {
    return sync.lastError
      ? { label, value: `同步失败：${sync.lastError}`, status: 'error' }
      : { label, value: '尚未同步', status: 'ok' };
  }
  const success = `${formatDuration(sync.lagSeconds)}前同步成功`;
  if (sync.lastError) return { label, value: `${success}；最近一次失败：${sync.lastError}`, status: 'error' };
  return { label, value: success, status: sync.lagSeconds > SYNC_LAG_WARN_SECONDS ? 'warn' : 'ok' };
}

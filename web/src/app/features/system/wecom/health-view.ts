import { WecomHealth } from './wecom-binding.models';

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
  const { calls, rateLimit, inbox, sync } = health;
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
      }）`,
      status: rateLimit.headroomPercent < 10 ? 'error' : rateLimit.headroomPercent < 30 ? 'warn' : 'ok',
    },
    {
      label: '回调待处理',
      value: `${inbox.backlog} 条${inbox.failed ? `，处理失败 ${inbox.failed} 条` : ''}`,
      status: inbox.failed > 0 ? 'error' : inbox.backlog > 100 ? 'warn' : 'ok',
    },
    {
      label: '组织架构同步',
      value: sync.running
        ? '同步中'
        : sync.lagSeconds === null
          ? sync.lastError
            ? `同步失败：${sync.lastError}`
            : '尚未同步'
          : `${formatDuration(sync.lagSeconds)}前同步成功${sync.lastError ? `；最近一次失败：${sync.lastError}` : ''}`,
      status: sync.lastError
        ? 'error'
        : sync.lagSeconds !== null && sync.lagSeconds > 3 * 3600
          ? 'warn'
          : 'ok',
    },
  ];
  if (health.tokens.length === 0) {
    lines.splice(1, 0, { label: 'access_token', value: '尚未获取', status: 'warn' });
  }
  return lines;
}

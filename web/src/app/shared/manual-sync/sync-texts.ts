import { formatDateTime } from '../../core/format/date-time';
import { LastSync, SyncState } from './sync-state';

/**
 * The text beside every 同步 button (R-3.2.1-03, R-7.1.2-02): "最近更新：YYYY-MM-DD HH:mm:ss，同步 X 条信息" once a sync has finished;
 * a failure or a step waiting to run again says why; null when there has never been a sync.
 */
export function describeLastSync(lastSync: LastSync | null): string | null {
  if (!lastSync) return null;
  switch (lastSync.status) {
    case 'running':
      return lastSync.retryAt
        ? `正在同步，遇到问题（${lastSync.error ?? '未知原因'}），将于 ${formatDateTime(lastSync.retryAt)} 自动重试`
        : '正在同步…';
    case 'failed': {
      const failed = `最近一次同步失败：${formatDateTime(lastSync.finishedAt)}`;
      return lastSync.error ? `${failed}，原因：${lastSync.error}` : failed;
    }
    case 'completed':
      return `最近更新：${formatDateTime(lastSync.finishedAt)}，同步 ${lastSync.count} 条信息`;
  }
}

/** The hint on the 同步 button about the manual-sync limits (2 a day, 10 minutes apart). */
export function describeManualSyncQuota(state: SyncState): string {
  const today = `今日已手动同步 ${state.manualSyncsToday} 次`;
  return state.nextManualSyncAt
    ? `${today}，下次可同步时间：${formatDateTime(state.nextManualSyncAt)}`
    : today;
}

/**
 * Whether a sync started by the user has finished: the latest run is no longer running and it is a new run,
 * not the one that was already there before the click (the server may not have recorded the new one yet).
 */
export function isStartedSyncFinished(
  current: SyncState,
  before: LastSync | null,
  sawRunning: boolean,
): boolean {
  const last = current.lastSync;
  if (!last || last.status === 'running') return false;
  if (sawRunning || !before) return true;
  return (
    last.finishedAt !== before.finishedAt || last.status !== before.status || last.count !== before.count
  );
}

import { LastSync, SyncState } from './sync-state';
import { describeLastSync, describeManualSyncQuota, isStartedSyncFinished } from './sync-texts';

const at = (...parts: [number, number, number, number, number, number]) =>
  new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]).toISOString();

describe('describeLastSync', () => {
  it('says when the last sync finished and how many records it synced', () => {
    const text = describeLastSync({
      status: 'completed',
      finishedAt: at(2020, 11, 10, 9, 5, 7),
      count: 38,
      error: null,
      retryAt: null,
    });
    expect(text).toBe('最近更新：2020-11-10 09:05:07，同步 38 条信息');
  });

  it('says a sync is running, or that the last one failed', () => {
    expect(
      describeLastSync({
        status: 'running',
        finishedAt: at(2020, 11, 10, 9, 5, 7),
        count: 0,
        error: null,
        retryAt: null,
      }),
    ).toBe('正在同步…');
    expect(
      describeLastSync({
        status: 'failed',
        finishedAt: at(2020, 11, 10, 9, 5, 7),
        count: 0,
        error: null,
        retryAt: null,
      }),
    ).toBe('最近一次同步失败：2020-11-10 09:05:07');
  });

  it('says why the last sync failed, and why a running one waits and until when', () => {
    expect(
      describeLastSync({
        status: 'failed',
        finishedAt: at(2020, 11, 10, 9, 5, 7),
        count: 0,
        error: 'WeCom 40001 invalid credential',
        retryAt: null,
      }),
    ).toBe('最近一次同步失败：2020-11-10 09:05:07，原因：WeCom 40001 invalid credential');
    expect(
      describeLastSync({
        status: 'running',
        finishedAt: at(2020, 11, 10, 9, 5, 7),
        count: 0,
        error: 'connect ECONNREFUSED',
        retryAt: at(2020, 11, 10, 9, 10, 0),
      }),
    ).toBe('正在同步，遇到问题（connect ECONNREFUSED），将于 2020-11-10 09:10:00 自动重试');
  });

  it('says nothing when there has never been a sync', () => {
    expect(describeLastSync(null)).toBeNull();
  });
});

describe('describeManualSyncQuota', () => {
  it('tells how many manual syncs were used today and when the next is allowed', () => {
    const state: SyncState = {
      lastSync: null,
      manualSyncsToday: 1,
      nextManualSyncAt: at(2020, 11, 10, 9, 15, 0),
    };
    expect(describeManualSyncQuota(state)).toBe('今日已手动同步 1 次，下次可同步时间：2020-11-10 09:15:00');
    expect(describeManualSyncQuota({ ...state, nextManualSyncAt: null })).toBe('今日已手动同步 1 次');
  });
});

describe('isStartedSyncFinished', () => {
  const before: LastSync = {
    status: 'completed',
    finishedAt: at(2020, 11, 9, 8, 0, 0),
    count: 30,
    error: null,
    retryAt: null,
  };
  const state = (lastSync: LastSync | null): SyncState => ({
    lastSync,
    manualSyncsToday: 1,
    nextManualSyncAt: null,
  });

  it('keeps polling while the run is still going', () => {
    expect(isStartedSyncFinished(state({ ...before, status: 'running' }), before, true)).toBe(false);
  });

  it('keeps polling while the server still reports only the previous run', () => {
    expect(isStartedSyncFinished(state(before), before, false)).toBe(false);
    expect(isStartedSyncFinished(state(null), null, false)).toBe(false);
  });

  it('stops once a new run has completed or failed', () => {
    const newer: LastSync = {
      status: 'completed',
      finishedAt: at(2020, 11, 10, 9, 0, 0),
      count: 38,
      error: null,
      retryAt: null,
    };
    expect(isStartedSyncFinished(state(newer), before, false)).toBe(true);
    expect(isStartedSyncFinished(state({ ...newer, status: 'failed' }), null, false)).toBe(true);
    expect(isStartedSyncFinished(state(before), before, true)).toBe(true);
  });
});

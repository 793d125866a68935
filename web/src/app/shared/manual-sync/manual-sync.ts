import { HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { exhaustMap, Observable, Subscription, takeWhile, timer } from 'rxjs';

import { apiErrorMessage } from '../../core/net/api-error';
import { LastSync, SyncStarted, SyncState } from './sync-state';
import { describeLastSync, describeManualSyncQuota, isStartedSyncFinished } from './sync-texts';

/** How often a running sync is polled, and for how long at most (5 minutes). */
const SYNC_POLL_MS = 2000;
const SYNC_MAX_POLLS = 150;

/**
 * One page's sync endpoint. `start` must let the caller show 409 (a sync is running) and 429 (the 2-a-day,
 * 10-minute rule) itself (`callerShowsErrors([409, 429])`): they are warnings, not failures.
 */
export interface SyncEndpoint {
  state(): Observable<SyncState>;
  start(): Observable<SyncStarted>;
}

/**
 * A 同步 button's state (R-3.2.1-02/03, I-54, R-7.1.2-02), the same on 组织架构, 客户, 客户群 and 企业微信标签:
 * the "最近更新：…，同步 X 条信息" line, and `syncing` from the click until the run ends, following the run by
 * polling its status. `finished` runs when a followed sync completes (the page reloads what it shows).
 * Create it in an injection context (a field of a component or of a page's store).
 */
export class ManualSync {
  private readonly message = inject(NzMessageService);

  readonly state = signal<SyncState | null>(null);
  private readonly starting = signal(false);
  private readonly polling = signal(false);
  readonly syncing = computed(() => this.starting() || this.polling());
  readonly lastSyncText = computed(() => describeLastSync(this.state()?.lastSync ?? null));
  readonly quotaText = computed(() => {
    const state = this.state();
    return state ? describeManualSyncQuota(state) : '';
  });

  private pollSubscription: Subscription | null = null;

  constructor(
    private readonly endpoint: SyncEndpoint,
    private readonly finished: () => void = () => undefined,
  ) {
    inject(DestroyRef).onDestroy(() => this.pollSubscription?.unsubscribe());
  }

  /** Reads the status; a scheduled or someone else's sync that is running is followed until it ends. */
  load(): void {
    this.endpoint.state().subscribe({
      next: (state) => {
        this.state.set(state);
        if (state.lastSync?.status === 'running') this.follow(state.lastSync, true);
      },
      // The page works without its sync line; the error interceptor has said why.
      error: () => undefined,
    });
  }

  /** 同步: starts a manual sync, then follows it until it ends. */
  start(): void {
    if (this.syncing()) return;
    const before = this.state()?.lastSync ?? null;
    this.starting.set(true);
    this.endpoint.start().subscribe({
      next: (res) => {
        this.starting.set(false);
        this.message.success(res.message);
        this.follow(before, false);
      },
      error: (err: unknown) => {
        this.starting.set(false);
        if (!(err instanceof HttpErrorResponse)) return;
        if (err.status === 429) this.message.warning(apiErrorMessage(err));
        if (err.status === 409) {
          // Another sync is running (the schedule's, or another admin's): show it running until it ends.
          this.message.warning(apiErrorMessage(err));
          this.follow(before, false);
        }
      },
    });
  }

  private follow(before: LastSync | null, sawRunning: boolean): void {
    this.pollSubscription?.unsubscribe();
    this.polling.set(true);
    let seenRunning = sawRunning;
    let finished = false;
    this.pollSubscription = timer(SYNC_POLL_MS, SYNC_POLL_MS)
      .pipe(
        exhaustMap((tick) => (tick < SYNC_MAX_POLLS ? this.endpoint.state() : [null])),
        takeWhile((state): state is SyncState => state !== null),
        takeWhile((state) => {
          finished = isStartedSyncFinished(state, before, seenRunning);
          seenRunning ||= state.lastSync?.status === 'running';
          this.state.set(state);
          return !finished;
        }),
      )
      .subscribe({
        complete: () => {
          this.polling.set(false);
          if (!finished) this.message.warning('同步仍在进行，请稍后刷新页面查看结果');
          else if (this.state()?.lastSync?.status === 'failed') this.message.error('同步失败，请稍后重试');
          else this.finished();
        },
        error: () => this.polling.set(false),
      });
  }
}

/**
 * WeCom's frequency limits as a budget that every call of this process spends (lib/wecom/client.ts takes from
 * it before each exchange): per corp and per API, at most `perMinute` calls a minute and `perHour` an hour
 * (API.md §3: 10,000 and 150,000), at most `concurrent` at once (45033 answers too many concurrent calls of one
 * API), and after WeCom answers 45009 none for the minute WeCom then blocks. A call that would have to wait
 * longer than `maxWaitMs` is refused with WeComRateLimitedError, which says when to try again, so a mass send or
 * a sync slows down to WeCom's pace instead of spinning on refusals.
 */

/** API.md §3, per corp and per API. */
export const WECOM_PER_MINUTE = 10_000;
export const WECOM_PER_HOUR = 150_000;
/** A minute limit hit blocks the API for 60 s (API.md §3, penalty windows). */
export const MINUTE_PENALTY_MS = 60_000;

export interface CallBudgetLimits {
  perMinute: number;
  perHour: number;
  /** Calls of one API in flight at once, per tenant. */
  concurrent: number;
  /** The longest a call waits for room before it is refused. */
  maxWaitMs: number;
}

export const DEFAULT_CALL_BUDGET: CallBudgetLimits = {
  perMinute: WECOM_PER_MINUTE,
  perHour: WECOM_PER_HOUR,
  concurrent: 10,
  maxWaitMs: 5_000,
};

/** Raised instead of calling WeCom when the budget has no room soon enough; retry after `retryAfterMs`. */
export class WeComRateLimitedError extends Error {
  readonly retryable = true;

  constructor(
    readonly path: string,
    readonly retryAfterMs: number,
  ) {
    super(`WeCom ${path} held back by the call budget: try again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'WeComRateLimitedError';
  }
}

interface Window {
  startedAt: number;
  count: number;
}

interface ApiState {
  minute: Window;
  hour: Window;
  inFlight: number;
  blockedUntil: number;
  /** Callers waiting for a call of this API to finish. */
  queue: Array<() => void>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export class WeComCallBudget {
  private readonly apis = new Map<string, ApiState>();

  constructor(
    private readonly limits: CallBudgetLimits = DEFAULT_CALL_BUDGET,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {}

  /** Waits for room for one call of `path` for the tenant; answers the function that gives the slot back. */
  async acquire(tenantId: string, path: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.stateOf(tenantId, path);
    for (;;) {
      const wait = this.waitFor(state);
      if (wait === 0 && state.inFlight < this.limits.concurrent) break;
      if (wait > this.limits.maxWaitMs) throw new WeComRateLimitedError(path, wait);
      if (wait > 0) await this.sleep(wait, signal);
      else await new Promise<void>((resolve) => state.queue.push(resolve));
    }
    state.minute.count += 1;
    state.hour.count += 1;
    state.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.inFlight -= 1;
      state.queue.shift()?.();
    };
  }

  /** WeCom said 45009: nothing more of this API for the tenant until its penalty is over. */
  penalize(tenantId: string, path: string): void {
    this.stateOf(tenantId, path).blockedUntil = this.now() + MINUTE_PENALTY_MS;
  }

  /** How long a call must wait for its windows (0 when it may go now, concurrency aside). */
  private waitFor(state: ApiState): number {
    const now = this.now();
    roll(state.minute, now, MINUTE_MS);
    roll(state.hour, now, HOUR_MS);
    return Math.max(
      state.blockedUntil - now,
      state.minute.count >= this.limits.perMinute ? state.minute.startedAt + MINUTE_MS - now : 0,
      state.hour.count >= this.limits.perHour ? state.hour.startedAt + HOUR_MS - now : 0,
      0,
    );
  }

  private stateOf(tenantId: string, path: string): ApiState {
    const key = `${tenantId}|${path}`;
    let state = this.apis.get(key);
    if (!state) {
      const now = this.now();
      state = {
        minute: { startedAt: now, count: 0 },
        hour: { startedAt: now, count: 0 },
        inFlight: 0,
        blockedUntil: 0,
        queue: [],
      };
      this.apis.set(key, state);
    }
    return state;
  }
}

function roll(window: Window, now: number, length: number): void {
  if (now - window.startedAt >= length) {
    window.startedAt = now;
    window.count = 0;
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

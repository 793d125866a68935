/**
 * WeCom's frequency limits on chosen API paths, set through the scenario API (API.md §3; B14): more calls of a
 * path in one minute than allowed answer 45009 and close the path for the penalty minute, more calls in flight
 * at once than allowed answer 45033. Real WeCom's limits are far too high for tests to reach.
 */
export type RateLimitAnswer = { errcode: 45009; errmsg: string } | { errcode: 45033; errmsg: string };

interface PathLimit {
  perMinute?: number;
  concurrent?: number;
  minuteStartedMs: number;
  calls: number;
  blockedUntilMs: number;
  inFlight: number;
  refused: number;
}

const MINUTE_MS = 60_000;

export class ApiRateLimit {
  private readonly limits = new Map<string, PathLimit>();

  constructor(private readonly nowMs: () => number) {}

  set(path: string, limit: { perMinute?: number; concurrent?: number }): void {
    if (limit.perMinute === undefined && limit.concurrent === undefined) this.limits.delete(path);
    else
      this.limits.set(path, {
        ...limit,
        minuteStartedMs: this.nowMs(),
        calls: 0,
        blockedUntilMs: 0,
        inFlight: 0,
        refused: 0,
      });
  }

  /**
   * Admits one call of `path` or answers WeCom's refusal. An admitted call must call the returned `done` when
   * its answer has gone.
   */
  admit(path: string): { refusal?: RateLimitAnswer; done: () => void } {
    const limit = this.limits.get(path);
    if (!limit) return { done: () => undefined };
    const now = this.nowMs();
    if (now - limit.minuteStartedMs >= MINUTE_MS) {
      limit.minuteStartedMs = now;
      limit.calls = 0;
    }
    if (now < limit.blockedUntilMs)
      return this.refuse(limit, { errcode: 45009, errmsg: 'api freq out of limit' });
    if (limit.concurrent !== undefined && limit.inFlight >= limit.concurrent)
      return this.refuse(limit, { errcode: 45033, errmsg: 'api concurrent out of limit' });
    limit.calls += 1;
    if (limit.perMinute !== undefined && limit.calls > limit.perMinute) {
      limit.blockedUntilMs = now + MINUTE_MS;
      return this.refuse(limit, { errcode: 45009, errmsg: 'api freq out of limit' });
    }
    limit.inFlight += 1;
    let finished = false;
    return {
      done: () => {
        if (finished) return;
        finished = true;
        limit.inFlight -= 1;
      },
    };
  }

  list(): Array<{ path: string; perMinute?: number; concurrent?: number; refused: number }> {
    return [...this.limits].map(([path, limit]) => ({
      path,
      perMinute: limit.perMinute,
      concurrent: limit.concurrent,
      refused: limit.refused,
    }));
  }

  clear(): void {
    this.limits.clear();
  }

  private refuse(limit: PathLimit, refusal: RateLimitAnswer) {
    limit.refused += 1;
    return { refusal, done: () => undefined };
  }
}

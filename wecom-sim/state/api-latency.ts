/**
 * Extra delay per WeCom API path, set through the scenario API: real WeCom is sometimes slow, and tests
 * use a slow API to hold a sync open long enough to kill the worker in the middle of it. A delay is for every
 * corp, or for one corp's calls only, so a test slowing its own corp leaves the other suites of a run alone.
 */
export class ApiLatency {
  /** Keyed by scopeKey: the path alone (every corp) or the corp and the path. */
  private readonly delays = new Map<string, { path: string; ms: number; corpId?: string }>();

  set(path: string, ms: number, corpId?: string): void {
    const key = scopeKey(path, corpId);
    if (ms > 0) this.delays.set(key, { path, ms, ...(corpId ? { corpId } : {}) });
    else this.delays.delete(key);
  }

  /** The delay of a call to `path` by `corpId` (when known): its corp's own, else the one for every corp. */
  of(path: string, corpId?: string): number {
    return (corpId && this.delays.get(scopeKey(path, corpId))?.ms) || (this.delays.get(path)?.ms ?? 0);
  }

  list(): Array<{ path: string; ms: number; corpId?: string }> {
    return [...this.delays.values()];
  }

  clear(): void {
    this.delays.clear();
  }
}

function scopeKey(path: string, corpId?: string): string {
  return corpId ? `${corpId} ${path}` : path;
}

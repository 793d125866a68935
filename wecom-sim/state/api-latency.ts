/**
 * Extra delay per WeCom API path, set through the scenario API: real WeCom is sometimes slow, and tests
 * use a slow API to hold a sync open long enough to kill the worker in the middle of it.
 */
export class ApiLatency {
  private readonly delays = new Map<string, number>();

  set(path: string, ms: number): void {
    if (ms > 0) this.delays.set(path, ms);
    else this.delays.delete(path);
  }

  of(path: string): number {
    return this.delays.get(path) ?? 0;
  }

  list(): Array<{ path: string; ms: number }> {
    return [...this.delays].map(([path, ms]) => ({ path, ms }));
  }

  clear(): void {
    this.delays.clear();
  }
}

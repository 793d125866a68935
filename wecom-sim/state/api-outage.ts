/**
 * A WeCom outage per API path, set through the scenario API: while on, every call of the path answers the
 * chosen errcode (-1 系统繁忙 by default), so tests can show that work waiting on WeCom is delayed, not lost.
 */
export class ApiOutage {
  private readonly errcodes = new Map<string, number>();

  set(path: string, errcode: number | null): void {
    if (errcode === null) this.errcodes.delete(path);
    else this.errcodes.set(path, errcode);
  }

  of(path: string): number | undefined {
    return this.errcodes.get(path);
  }

  list(): Array<{ path: string; errcode: number }> {
    return [...this.errcodes].map(([path, errcode]) => ({ path, errcode }));
  }

  clear(): void {
    this.errcodes.clear();
  }
}

/**
 * The simulator's notion of "now". Everything WeCom-side (token expiry, event CreateTime, callback timestamps)
 * reads this clock, so tests and the scenario API can jump forward two hours instead of waiting for it.
 */
export class SimClock {
  private offsetMs = 0;

  constructor(private readonly realNowMs: () => number = Date.now) {}

  nowMs(): number {
    return this.realNowMs() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

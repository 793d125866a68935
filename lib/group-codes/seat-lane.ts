/**
 * Claims of one group's seats from this process go one at a time (a promise chain per group), and the process
 * remembers the next seat it expects to be free. Concurrent scans then do not all race for the same seat and
 * walk past each other's tickets (one insert each instead of up to one per concurrent scan); the unique seat
 * ids stay the arbiter between processes, where a stale memory only costs a few duplicate-key retries.
 */
export class SeatLanes {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly nextSeat = new Map<string, number>();

  /** Runs `claim` after every earlier claim of the same group in this process has finished. */
  run<T>(groupId: string, claim: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(groupId) ?? Promise.resolve();
    const current = previous.then(claim, claim);
    const tail = current.catch(() => undefined);
    this.tails.set(groupId, tail);
    void tail.then(() => {
      if (this.tails.get(groupId) === tail) this.tails.delete(groupId);
    });
    return current;
  }

  /** Where to start looking: what this process saw last, or the stored hint if that is further. */
  startAt(groupId: string, storedHint: number): number {
    return Math.max(this.nextSeat.get(groupId) ?? 0, storedHint);
  }

  remember(groupId: string, nextSeat: number): void {
    if (nextSeat > (this.nextSeat.get(groupId) ?? 0)) this.nextSeat.set(groupId, nextSeat);
  }
}

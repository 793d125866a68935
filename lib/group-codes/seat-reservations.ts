/**
 * Hands out one group's seat numbers to this process's concurrent scans without making them wait for each
 * other: each scan gets a candidate no other scan of the process is trying (seats given back first, lowest
 * first, then the next never handed out, from the stored hint on), so their ticket inserts run side by side
 * and rarely collide. The unique seat ids stay the arbiter between processes: a seat another process holds
 * answers duplicate key and the scan takes the next candidate.
 */
export class SeatReservations {
  private readonly next = new Map<string, number>();
  private readonly returned = new Map<string, number[]>();

  /** A seat number to try; past the group's limit means every seat is taken as far as this process knows. */
  take(groupId: string, storedHint: number): number {
    const back = this.returned.get(groupId);
    if (back?.length) return back.shift()!;
    const seat = Math.max(this.next.get(groupId) ?? 0, storedHint);
    this.next.set(groupId, seat + 1);
    return seat;
  }

  /** A seat whose ticket could not be written (not: was taken): free again, for the next scan to try first. */
  giveBack(groupId: string, seat: number): void {
    const back = this.returned.get(groupId) ?? [];
    back.push(seat);
    back.sort((a, b) => a - b);
    this.returned.set(groupId, back);
  }
}

import type { GroupCodeStrategy } from '../contracts/group-code.contract';
import type { GroupFacts } from './group-states';

export interface StoreFacts extends GroupFacts {
  store?: { latitude: number; longitude: number } | null;
}

export interface VisitorPosition {
  latitude: number;
  longitude: number;
}

/**
 * The order in which a scan tries to claim the usable groups; the first claim that succeeds wins, so a
 * group filled by a concurrent scan is simply passed over.
 * - 溢出: the order they were added (I-20).
 * - 轮流: starting at this scan's turn, round the groups in order (R-2.1.2-07).
 * - 就近: nearest store first (R-2.1.2-08); without a position (refused, unavailable) or for groups without a
 *   store, the 溢出 order (I-19).
 */
export function claimOrder(
  strategy: GroupCodeStrategy,
  usable: readonly StoreFacts[],
  turn: number,
  position?: VisitorPosition,
): StoreFacts[] {
  const ordered = [...usable].sort((a, b) => a.position - b.position);
  if (strategy === 'round-robin' && ordered.length > 0) {
    const start = turn % ordered.length;
    return [...ordered.slice(start), ...ordered.slice(0, start)];
  }
  if (strategy === 'nearest' && position) {
    const withStore = ordered.filter((group) => group.store);
    const without = ordered.filter((group) => !group.store);
    const distance = (group: StoreFacts) => kilometresBetween(position, group.store!);
    return [...withStore.sort((a, b) => distance(a) - distance(b) || a.position - b.position), ...without];
  }
  return ordered;
}

/** Great-circle distance (haversine), good to a few metres at city scale. */
export function kilometresBetween(a: VisitorPosition, b: VisitorPosition): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

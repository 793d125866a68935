import type { GroupCodeStatus, GroupCodeStrategy, GroupState } from '../contracts/group-code.contract';
import { chinaDayEnd } from '../customer-groups/china-days';

/** What the rules need to know about a 实际群码. */
export interface GroupFacts {
  id: string;
  position: number;
  expiresAt: Date;
  scanLimit: number;
  remaining: number;
}

/** 有效期 ends at 24:00 of its China day (R-2.1.3-03): the first instant of the next day. */
export function groupExpiry(expiresOn: string): Date {
  return chinaDayEnd(expiresOn);
}

/** "YYYY-MM-DD 23:59:59", as the manual shows 有效期 (R-2.1.3-03). */
export function expiryLabel(expiresOn: string): string {
  return `${expiresOn} 23:59:59`;
}

/** A group can still be handed out: places left and not past its 24:00 (I-20). */
export function isUsable(group: GroupFacts, now: Date): boolean {
  return group.remaining > 0 && group.expiresAt.getTime() > now.getTime();
}

/**
 * 实际群码状态 (I-24): 已过期 wins over 已满 (an expired code is useless whatever its count); among usable
 * groups 溢出 serves the first in order and keeps the rest 未使用, while 轮流/就近 serve them all.
 */
export function groupStates(
  groups: readonly GroupFacts[],
  strategy: GroupCodeStrategy,
  now: Date,
): Map<string, GroupState> {
  const ordered = [...groups].sort((a, b) => a.position - b.position);
  const firstUsable = ordered.find((group) => isUsable(group, now));
  return new Map(
    ordered.map((group) => {
      if (group.expiresAt.getTime() <= now.getTime()) return [group.id, 'expired'];
      if (group.remaining <= 0) return [group.id, 'full'];
      if (strategy !== 'overflow' || group.id === firstUsable?.id) return [group.id, 'serving'];
      return [group.id, 'waiting'];
    }),
  );
}

/** 活码状态 (R-2.1.1-06): 异常 exactly when no group is usable, also when there is none at all. */
export function codeStatus(groups: readonly GroupFacts[], now: Date): GroupCodeStatus {
  return groups.some((group) => isUsable(group, now)) ? 'normal' : 'abnormal';
}

/**
 * A scan that leaves a group at or below this many places makes the code worth re-evaluating: the group is
 * about to fill, and if it is the last one its creator hears about it (the rotation workflow decides).
 */
export function nearFullThreshold(scanLimit: number): number {
  return Math.max(1, Math.ceil(scanLimit * 0.1));
}

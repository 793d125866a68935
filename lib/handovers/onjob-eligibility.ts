import {
  ONJOB_GROUP_INELIGIBLE_REASONS,
  ONJOB_INELIGIBLE_REASONS,
  type HandoverCustomerStatus,
  type HandoverKind,
  type OnjobGroupIneligibleReason,
  type OnjobIneligibleReason,
} from '../contracts/handover.contract';

/** Each reason as "N个客户…" reads it. */
export const ONJOB_INELIGIBLE_TEXTS: Record<OnjobIneligibleReason, string> = {
  not_follower: '不是原跟进成员的客户',
  takeover_follows: '已是接替成员的客户',
  in_progress: '正在转接中，需等待企业微信24小时后的接替结果',
  too_frequent: '90天内已转接2次',
};

export const ONJOB_TRANSFERS_PER_WINDOW = 2;
export const ONJOB_TRANSFER_WINDOW_MS = 90 * 24 * 3_600_000;

/** One earlier transfer of the customer, from a handover it was in. */
export interface PastTransfer {
  kind: HandoverKind;
  /** null until the transfer call answered for the customer (the handover's workflow is about to send it). */
  status: HandoverCustomerStatus | null;
  startedAt: Date;
}

/** Started by WeCom (whatever came of it since): these count towards the 2 in 90 days. */
const STARTED: ReadonlySet<HandoverCustomerStatus | null> = new Set([
  null,
  'waiting',
  'done',
  'refused',
  'limit',
]);

/**
 * 在职继承's eligibility of one customer, checked before starting (issue 19 item 2) so the admin sees who WeCom
 * would refuse and why, instead of a 未能发起 a moment later. WeCom's rules (API.md §12): a customer may be
 * transferred on the job at most twice in 90 days, and not while a transfer of it waits for its 24 h. The
 * transfers are counted from our own handovers; one made elsewhere (WeCom's admin) still gets WeCom's refusal.
 */
export function onjobIneligibility(input: {
  /** The members following the customer now; null when the customer is not stored at all. */
  followers: readonly string[] | null;
  handoverUserid: string;
  takeoverUserid: string;
  past: readonly PastTransfer[];
  now: Date;
}): OnjobIneligibleReason | null {
  if (!input.followers?.includes(input.handoverUserid)) return 'not_follower';
  if (input.followers.includes(input.takeoverUserid)) return 'takeover_follows';
  if (input.past.some((transfer) => transfer.status === null || transfer.status === 'waiting'))
    return 'in_progress';
  const since = input.now.getTime() - ONJOB_TRANSFER_WINDOW_MS;
  const recent = input.past.filter(
    (transfer) =>
      transfer.kind === 'onjob' && STARTED.has(transfer.status) && transfer.startedAt.getTime() > since,
  );
  return recent.length >= ONJOB_TRANSFERS_PER_WINDOW ? 'too_frequent' : null;
}

/** The 400's message for the customers not eligible: "N个客户…" per reason, in the reasons' order. */
export function ineligibleMessage(reasons: readonly OnjobIneligibleReason[]): string {
  return ONJOB_INELIGIBLE_REASONS.filter((reason) => reasons.includes(reason))
    .map((reason) => `${reasons.filter((r) => r === reason).length}个客户${ONJOB_INELIGIBLE_TEXTS[reason]}`)
    .join('；');
}

/** Each group reason as "N个客户群…" reads it. */
export const ONJOB_GROUP_INELIGIBLE_TEXTS: Record<OnjobGroupIneligibleReason, string> = {
  not_owner: '不是原跟进成员的客户群',
  dismissed: '已解散',
};

/**
 * 在职继承's eligibility of one group: groupchat/onjob_transfer hands over any group of an active owner, so the
 * check that the group is the chosen member's is ours (the 客户群 list's 群主); a dismissed group has nothing
 * left to hand over. A group WeCom still refuses (e.g. twice in 90 days) is recorded with its errcode.
 */
export function onjobGroupIneligibility(input: {
  /** The group as the 客户群 list stores it; null when it is not stored. */
  group: { ownerUserid: string; dismissed: boolean } | null;
  handoverUserid: string;
}): OnjobGroupIneligibleReason | null {
  if (!input.group || input.group.ownerUserid.toLowerCase() !== input.handoverUserid.toLowerCase())
    return 'not_owner';
  return input.group.dismissed ? 'dismissed' : null;
}

/** The 400's message for the groups not eligible: "N个客户群…" per reason, in the reasons' order. */
export function ineligibleGroupsMessage(reasons: readonly OnjobGroupIneligibleReason[]): string {
  return ONJOB_GROUP_INELIGIBLE_REASONS.filter((reason) => reasons.includes(reason))
    .map(
      (reason) =>
        `${reasons.filter((r) => r === reason).length}个客户群${ONJOB_GROUP_INELIGIBLE_TEXTS[reason]}`,
    )
    .join('；');
}

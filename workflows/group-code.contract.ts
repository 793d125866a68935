import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * groupCodeWorkflow's contract (group-code.workflow.ts): its input, signals and query, shared with the api,
 * and its pure rules (no I/O, so the workflow stays deterministic): which alerts a review of a 群活码 calls
 * for, and when to look again.
 */
export interface GroupCodeWorkflowInput {
  tenantId: string;
  codeId: string;
  /** Carried over continueAsNew, so an alert is not sent twice. */
  alerted?: AlertsSent;
}

export interface GroupCodeRotationState {
  status: 'normal' | 'abnormal' | 'unknown';
  usableGroups: number;
  /** Epoch ms of the next timer, or null while waiting for a signal. */
  nextWakeAt: number | null;
  alerted: AlertsSent;
  reviews: number;
}

/** The code or its groups changed (edit, new group, deletion of a group), or a scan filled a group. */
export const groupCodeChangedSignal = defineSignal('groupCodeChanged');
/** The code was deleted: the workflow ends. */
export const groupCodeDeletedSignal = defineSignal('groupCodeDeleted');
export const groupCodeStateQuery = defineQuery<GroupCodeRotationState>('groupCodeState');

export type GroupCodeAlertKind = 'dry-soon' | 'abnormal';

export interface ReviewedGroup {
  id: string;
  name: string;
  /** Epoch ms of 24:00 on its 有效期. */
  expiresAt: number;
  remaining: number;
  scanLimit: number;
}

export interface GroupCodeReview {
  deleted: false;
  name: string;
  status: 'normal' | 'abnormal';
  /** The groups that can still be handed out, in 溢出 order. */
  usable: ReviewedGroup[];
}

export interface AlertsSent {
  drySoon: boolean;
  abnormal: boolean;
}

export interface AlertDecision {
  send: GroupCodeAlertKind[];
  alerted: AlertsSent;
  /** Epoch ms of the next expiry or alert moment; undefined = wait for an edit or a scan to signal. */
  wakeAt: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Same rule as the scan path's lib/group-codes/group-states.ts nearFullThreshold (workflows import no lib). */
function nearFull(group: ReviewedGroup): boolean {
  return group.remaining <= Math.max(1, Math.ceil(group.scanLimit * 0.1));
}

/**
 * About to run dry (I-25): only one group is left and it is nearly full, or every usable group expires within
 * a day. Each alert is sent once per episode: 即将不可用 again only after the code recovered (a group was
 * added or extended), 异常 again only after it was 正常 in between.
 */
export function decideAlerts(review: GroupCodeReview, now: number, alerted: AlertsSent): AlertDecision {
  if (review.status === 'abnormal' || review.usable.length === 0) {
    return {
      send: alerted.abnormal ? [] : ['abnormal'],
      alerted: { abnormal: true, drySoon: true },
      wakeAt: undefined,
    };
  }
  const lastExpiry = Math.max(...review.usable.map((group) => group.expiresAt));
  const drySoon = (review.usable.length === 1 && nearFull(review.usable[0]!)) || lastExpiry - now <= DAY_MS;
  const send: GroupCodeAlertKind[] = drySoon && !alerted.drySoon ? ['dry-soon'] : [];
  const moments = [
    ...review.usable.map((group) => group.expiresAt),
    ...(lastExpiry - DAY_MS > now ? [lastExpiry - DAY_MS] : []),
  ].filter((at) => at > now);
  return {
    send,
    alerted: { abnormal: false, drySoon },
    wakeAt: moments.length > 0 ? Math.min(...moments) : undefined,
  };
}

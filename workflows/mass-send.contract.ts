import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  MassSendAudience,
  MassSendProgress,
  MassSendStatus,
  MassSendTiming,
} from '../lib/contracts/mass-send.contract';

/**
 * massSendWorkflow's contract (`mass-send/<tenant>/<id>`): its input, signals, update and query, shared with
 * the api, and its pure rules: when to poll WeCom for results (I-67) and when to stop.
 */
export interface MassSendWorkflowInput {
  tenantId: string;
  sendId: string;
  /** Carried over continueAsNew while tracking: when the templates went out (epoch ms). */
  sentAt?: number;
  /** Reminders sent so far (epoch ms), for WeCom's 3 per 24 h; carried over continueAsNew. */
  remindedAt?: number[];
}

export interface MassSendState {
  status: MassSendStatus;
  /** Epoch ms the timer waits for, before it fired. */
  sendAt: number | null;
  progress: MassSendProgress | null;
  /** Epoch ms of the next result poll while tracking. */
  nextPollAt: number | null;
}

/** What 编辑 may change on a send that is waiting for its time. */
export interface MassSendEdit {
  audience: MassSendAudience;
  text: string;
  timing: MassSendTiming;
  remindAfterHours: number;
}

/** Why an edit or a cancel came too late: the templates are going out or have gone. */
export const MASS_SEND_ALREADY_SENT = 'MASS_SEND_ALREADY_SENT';

/**
 * 编辑 a scheduled send (its content, audience or time, or 立即发送): the workflow writes it, and only while
 * its timer has not fired; refused with MASS_SEND_ALREADY_SENT after that, so an edit never races the
 * templates going out.
 */
export const editMassSendUpdate = defineUpdate<{ accepted: true }, [MassSendEdit]>('editMassSend');
/** 取消: before the timer nothing goes out; after it the members' pending tasks are cancelled in WeCom. */
export const cancelMassSendSignal = defineSignal('cancelMassSend');
/** 提醒未发送员工, pressed in the detail; WeCom's limit of 3 per 24 h is kept by the workflow. */
export const remindMassSendUpdate = defineUpdate<{ remindedAt: number }, []>('remindMassSend');
export const massSendStateQuery = defineQuery<MassSendState>('massSendState');
/**
 * 刷新 in the detail while the send is tracked: poll WeCom's results now rather than at the next step, at most
 * once per REFRESH_MIN_INTERVAL_MS (a burst of presses makes one poll).
 */
export const refreshMassSendResultsSignal = defineSignal('refreshMassSendResults');
export const REFRESH_MIN_INTERVAL_MS = 60_000;

/** I-67: every 10 minutes for the first 24 hours, then hourly, until everything is settled or 7 days pass. */
export const FAST_POLL_MS = 10 * 60_000;
export const SLOW_POLL_MS = 60 * 60_000;
export const FAST_POLLING_FOR_MS = 24 * 60 * 60_000;
export const TRACKING_FOR_MS = 7 * 24 * 60 * 60_000;

/** The wait before the next poll, `elapsedMs` after the templates went out; null once tracking is over. */
export function nextPollDelayMs(elapsedMs: number): number | null {
  if (elapsedMs >= TRACKING_FOR_MS) return null;
  const step = elapsedMs < FAST_POLLING_FOR_MS ? FAST_POLL_MS : SLOW_POLL_MS;
  return Math.min(step, TRACKING_FOR_MS - elapsedMs);
}

export const REMINDER_WINDOW_MS = 24 * 60 * 60_000;
/** remind_groupmsg_send: at most 3 reminders per send in 24 hours (WeCom's limit). */
export const REMINDERS_PER_DAY_MAX = 3;

/** Whether WeCom still takes a reminder now (at most `max` in any 24 hours). */
export function reminderAllowed(remindedAt: readonly number[], now: number, max: number): boolean {
  return remindedAt.filter((at) => now - at < REMINDER_WINDOW_MS).length < max;
}

import type { Info } from '@temporalio/activity';
import { ApplicationFailure, type ActivityCancellationDetails } from '@temporalio/common';
import { failureCause } from '../workflows/failure-cause';
import { errorType } from './error-field';
import type { PinoLine } from './sdk-log-line';

export type AttemptInfo = Pick<
  Info,
  | 'activityType'
  | 'attempt'
  | 'workflowExecution'
  | 'workflowType'
  | 'retryPolicy'
  | 'startToCloseTimeoutMs'
  | 'heartbeatTimeoutMs'
>;

export interface AttemptEnd {
  info: AttemptInfo;
  /** What the attempt threw. */
  error: unknown;
  /** Why the attempt was cancelled, when it was: the cancellation, not what it made the code throw, is the cause. */
  cancellation?: ActivityCancellationDetails;
  /** How long the attempt ran. */
  elapsedMs: number;
}

/**
 * The one log line of an activity attempt that failed: warn when Temporal retries it, error when it was the
 * last; timeouts named as such. An attempt stopped by the worker's own shutdown is expected (info, unless it
 * was the last). Cancellations the workflow or the server asked for (cancelled, paused, reset, workflow gone)
 * are no failure and get no line. Whether Temporal retries is read from the attempt's retry policy (attempts
 * and non-retryable types), as the server decides it; a schedule-to-close limit is not considered.
 */
export function activityFailureLine(end: AttemptEnd): PinoLine | undefined {
  const { info, error, cancellation } = end;
  const attemptsLeft = hasAttemptsLeft(info);
  const base = {
    activityType: info.activityType,
    workflowType: info.workflowType,
    workflowId: info.workflowExecution?.workflowId,
    attempt: info.attempt,
  };
  if (cancellation?.timedOut) {
    const timeout = whichTimeout(info, end.elapsedMs);
    return {
      level: attemptsLeft ? 'warn' : 'error',
      msg: attemptsLeft ? 'activity attempt failed' : 'activity failed',
      fields: { ...base, willRetry: attemptsLeft, timeout: timeout.name, cause: timeout.cause },
    };
  }
  if (cancellation?.workerShutdown) {
    return {
      level: attemptsLeft ? 'info' : 'error',
      msg: attemptsLeft ? 'activity attempt failed' : 'activity failed',
      fields: { ...base, willRetry: attemptsLeft, cause: 'the worker shut down' },
    };
  }
  if (cancellation) return undefined;
  const willRetry = attemptsLeft && isRetryable(error, info);
  return {
    level: willRetry ? 'warn' : 'error',
    msg: willRetry ? 'activity attempt failed' : 'activity failed',
    fields: {
      ...base,
      willRetry,
      cause: failureCause(error),
      errorType: errorType(error),
      // The stack only where someone has to look: the retries before said what happened.
      ...(willRetry ? {} : { err: error }),
    },
  };
}

function hasAttemptsLeft(info: AttemptInfo): boolean {
  // No policy known (an old server) or 0: the server's default, unlimited attempts.
  const maximum = info.retryPolicy?.maximumAttempts ?? 0;
  return maximum <= 0 || info.attempt < maximum;
}

function isRetryable(error: unknown, info: AttemptInfo): boolean {
  if (error instanceof ApplicationFailure && error.nonRetryable) return false;
  return !(info.retryPolicy?.nonRetryableErrorTypes ?? []).includes(errorType(error));
}

/**
 * Temporal core cancels an attempt whose start-to-close or heartbeat timeout passed (a little after the
 * server does) without saying which: an attempt that ran its whole start-to-close time hit that one.
 */
function whichTimeout(info: AttemptInfo, elapsedMs: number): { name: string; cause: string } {
  if (!info.heartbeatTimeoutMs || elapsedMs >= info.startToCloseTimeoutMs) {
    return {
      name: 'start-to-close',
      cause: `start-to-close timeout: not done within ${seconds(info.startToCloseTimeoutMs)}`,
    };
  }
  return {
    name: 'heartbeat',
    cause: `heartbeat timeout: no heartbeat within ${seconds(info.heartbeatTimeoutMs)}`,
  };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

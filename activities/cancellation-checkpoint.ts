import { Context } from '@temporalio/activity';

/**
 * A point where a long activity stops once its attempt is cancelled (the worker shutting down, a timeout, the
 * workflow's cancellation): it throws the CancelledFailure that reports the stop to Temporal. Every write of
 * our activities is idempotent and made for a retry after a crash, so stopping between two writes is safe.
 */
export function stopIfCancelled(): void {
  Context.current().cancellationSignal.throwIfAborted();
}

/**
 * Heartbeats with `details` and stops there if the attempt is cancelled: the server's answer to heartbeats
 * is one way the cancellation arrives.
 */
export function heartbeatOrStop(details?: unknown): void {
  Context.current().heartbeat(details);
  stopIfCancelled();
}

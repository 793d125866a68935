import { heartbeat } from '@temporalio/activity';
import { stopIfCancelled } from './cancellation-checkpoint';

/**
 * A steady heartbeat naming an activity's current step, for activities whose single steps can outlast the
 * heartbeat timeout on a busy database: a missed beat would start a second attempt beside a slow first one.
 * It stops beating once one step has run for `stallAfterMs`, so the heartbeat timeout still ends an attempt
 * that hangs (a database reply that never comes) long before its start-to-close timeout. The beat does not
 * stop the work when the attempt is cancelled (the worker shutting down), so entering a step checks for it.
 */
export function beatWhileProgressing(options: { stallAfterMs: number; everyMs: number }): {
  enter(step: string): void;
  stop(): void;
} {
  let step = 'start';
  let enteredAt = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - enteredAt < options.stallAfterMs) heartbeat(step);
  }, options.everyMs);
  return {
    enter(next) {
      stopIfCancelled();
      step = next;
      enteredAt = Date.now();
    },
    stop: () => clearInterval(timer),
  };
}

import { ActivityFailure, ApplicationFailure, sleep } from '@temporalio/workflow';
import { failureCause } from './failure-cause';

/**
 * Pauses between rounds of a sync step whose activity ran out of its own retries (WeCom or the database
 * down for minutes, a worker that kept dying): the sync waits and carries on from the same step, with its
 * cursor, instead of failing and leaving the data half-read until the next scheduled run hours later.
 * Bounded: after the last pause the step's failure is final. About 70 minutes in all.
 */
export const SETBACK_PAUSES_MS = [1, 2, 5, 10, 20, 30].map((minutes) => minutes * 60_000);

/** A refused request or a wrong binding does not get better by waiting; only an operator fixes it. */
function isFinal(error: unknown): boolean {
  return (
    !(error instanceof ActivityFailure) ||
    (error.cause instanceof ApplicationFailure && error.cause.nonRetryable === true)
  );
}

/**
 * Runs one step of a sync; when its activity fails for good but might recover, tells `onSetback` why and
 * when the step runs again, pauses, and runs it again, up to the last pause in SETBACK_PAUSES_MS.
 */
export async function withSetbacks<T>(
  step: () => Promise<T>,
  onSetback: (setback: Setback) => Promise<void>,
): Promise<T> {
  for (let round = 0; ; round += 1) {
    try {
      return await step();
    } catch (error) {
      if (isFinal(error) || round >= SETBACK_PAUSES_MS.length) throw error;
      const pause = SETBACK_PAUSES_MS[round];
      // Date.now() in a workflow is the deterministic workflow clock.
      await onSetback({
        reason: failureCause(error, { activityWrapper: 'omit' }),
        retryAt: new Date(Date.now() + pause).toISOString(),
      });
      await sleep(pause);
    }
  }
}

type Setback = { reason: string; retryAt: string };

/**
 * The activities of a sync, each step run through withSetbacks; `noteSetback` is told about every setback
 * (the syncs write it on their run). Temporal's activity proxy has no keys to map over, hence a Proxy.
 */
export function stepsWithSetbacks<Steps extends object>(
  steps: Steps,
  noteSetback: (input: { tenantId: string }, setback: Setback) => Promise<void>,
): Steps {
  return new Proxy(steps, {
    get(target, name) {
      const step = Reflect.get(target, name) as (input: { tenantId: string }) => Promise<unknown>;
      return (input: { tenantId: string }) =>
        withSetbacks(
          () => step(input),
          (setback) => noteSetback(input, setback),
        );
    },
  });
}

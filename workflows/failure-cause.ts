import { ActivityFailure } from '@temporalio/common';

/** Causes form a short chain; the bound only guards against a cycle. */
const MAX_DEPTH = 8;

/**
 * A failure as one line of text: its message and its causes' (`Activity task failed: WeCom /user/list
 * failed: -1 system busy`). Temporal wraps what went wrong in layers (ActivityFailure around the activity's error, a
 * fetch error around ECONNREFUSED) whose outer message alone says little. Pure, so workflow code (through the
 * replay-aware logger) and the worker shape failures alike.
 *
 * `activityWrapper: 'omit'` leaves out an ActivityFailure's own "Activity task failed" for texts the admin
 * shows (a sync's setback and failure): they say what the activity met, e.g. `fetch failed: connect ECONNREFUSED`.
 */
export function failureCause(error: unknown, options: { activityWrapper?: 'omit' } = {}): string {
  const messages: string[] = [];
  let current: unknown =
    options.activityWrapper === 'omit' && error instanceof ActivityFailure && error.cause
      ? error.cause
      : error;
  for (let depth = 0; current !== undefined && current !== null && depth < MAX_DEPTH; depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && messages[messages.length - 1] !== message) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(': ');
}

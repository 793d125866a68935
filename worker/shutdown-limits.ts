/**
 * After SIGINT or SIGTERM, in-flight activities get this long to finish on their own; then they are cancelled
 * and stop at their next checkpoint (activities/cancellation-checkpoint.ts), to be retried by Temporal.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The worker process ends by then even if an activity ignores its cancellation (stuck in one long database
 * call): Temporal retries that activity as it would a killed worker's. `npm start` waits a little longer.
 */
export const SHUTDOWN_LIMIT_MS = 13_000;

import type { Logger } from '../logger';

const FIRST_RETRY_MS = 5_000;
const LONGEST_PAUSE_MS = 60_000;

/** Per key: whether a loop runs, and whether it was asked again while its attempt was under way. */
const loops = new Map<string, { again: boolean }>();

/**
 * Runs `attempt` in the background, 5 s after the call and then at pauses doubling up to a minute, until it
 * answers true (done; false: nothing failed, but there is more for later) once after the last call. For
 * hand-offs to Temporal that failed while it was unreachable and that their caller keeps durably (an outbox
 * row), so that they go through once Temporal is back instead of waiting for the next api or worker start.
 * One loop per key in a process; a call while it runs makes it go once more (the attempt under way may have
 * read the outbox before the caller's row was there). The timers do not keep the process alive: what is left
 * is handed over at the next start.
 */
export function retryInBackground(key: string, attempt: () => Promise<boolean>, log: Logger): void {
  const running = loops.get(key);
  if (running) {
    running.again = true;
    return;
  }
  const loop = { again: false };
  loops.set(key, loop);
  let pause = FIRST_RETRY_MS;
  const next = () => setTimeout(() => void run(), pause).unref();
  const run = async () => {
    loop.again = false;
    let done: boolean;
    try {
      done = await attempt();
    } catch (error) {
      log.warn({ err: error, key, retryInMs: pause }, 'hand-off to Temporal failed again; retrying');
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      next();
      return;
    }
    if (!done) {
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      next();
    } else if (loop.again) {
      pause = FIRST_RETRY_MS;
      next();
    } else loops.delete(key);
  };
  next();
}

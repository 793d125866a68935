/** How often a bounded wait looks again. */
const POLL_MS = 500;

/**
 * Polls `check` until it answers something, for at most `timeoutMs`; undefined when time ran out, so the caller
 * says what it could not wait for and goes on (the demo is a convenience: a slow machine must not fail npm start).
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

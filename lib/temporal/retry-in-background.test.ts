import type { Logger } from '../logger';
import { retryInBackground } from './retry-in-background';

const log = { warn: jest.fn() } as unknown as Logger;

/** Lets the attempt's promise settle after a timer fired. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('retryInBackground', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retries after 5 s, then at doubling pauses up to a minute, until the attempt is done', async () => {
    const outcomes: Array<boolean | Error> = [new Error('down'), new Error('down'), false, true];
    const calls: number[] = [];
    const began = Date.now();
    retryInBackground(
      'pauses',
      async () => {
        calls.push(Date.now() - began);
        const outcome = outcomes.shift()!;
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
      log,
    );
    for (let i = 0; i < 10; i++) {
      await jest.advanceTimersByTimeAsync(5_000);
      await settle();
    }
    // 5 s, then 10 s, 20 s, 40 s after the one before: failed, failed, not yet done, done.
    expect(calls).toEqual([5_000, 15_000, 35_000]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([5_000, 15_000, 35_000, 75_000]);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(4);
  });

  it('runs one loop per key, and once more when called while its attempt was under way', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const attempt = () => {
      calls += 1;
      return new Promise<boolean>((resolve) => (release = () => resolve(true)));
    };
    retryInBackground('once-more', attempt, log);
    retryInBackground('once-more', attempt, log);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    // Called while the attempt runs: it may have read before the caller's row was there.
    retryInBackground('once-more', attempt, log);
    release();
    await settle();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
    release();
    await settle();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(calls).toBe(2);
  });
});

import { MINUTE_PENALTY_MS, WeComCallBudget, WeComRateLimitedError } from './call-budget';

/** A budget on a clock the test moves; sleeping moves the clock. */
function budgetWith(limits: {
  perMinute?: number;
  perHour?: number;
  concurrent?: number;
  maxWaitMs?: number;
}) {
  let now = 1_000_000;
  const slept: number[] = [];
  const budget = new WeComCallBudget(
    { perMinute: 100, perHour: 1_000, concurrent: 10, maxWaitMs: 5_000, ...limits },
    () => now,
    async (ms) => {
      slept.push(ms);
      now += ms;
    },
  );
  return { budget, slept, advance: (ms: number) => (now += ms) };
}

describe('WeComCallBudget', () => {
  it('lets calls through up to the minute limit, then refuses with the wait until the next minute', async () => {
    const { budget, advance } = budgetWith({ perMinute: 3 });
    for (let i = 0; i < 3; i += 1) (await budget.acquire('t1', '/user/list'))();
    advance(10_000);
    const refused = await budget.acquire('t1', '/user/list').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WeComRateLimitedError);
    expect((refused as WeComRateLimitedError).retryAfterMs).toBe(50_000);
    // Other APIs and other tenants have budgets of their own.
    (await budget.acquire('t1', '/department/list'))();
    (await budget.acquire('t2', '/user/list'))();
    advance(50_000);
    (await budget.acquire('t1', '/user/list'))();
  });

  it('waits (does not refuse) when the room comes within maxWaitMs', async () => {
    const { budget, advance, slept } = budgetWith({ perMinute: 1, maxWaitMs: 5_000 });
    (await budget.acquire('t1', '/user/get'))();
    advance(57_000);
    (await budget.acquire('t1', '/user/get'))();
    expect(slept).toEqual([3_000]);
  });

  it('keeps to the hour limit across minutes', async () => {
    const { budget, advance } = budgetWith({ perMinute: 10, perHour: 15 });
    for (let i = 0; i < 10; i += 1) (await budget.acquire('t1', '/p'))();
    advance(60_000);
    for (let i = 0; i < 5; i += 1) (await budget.acquire('t1', '/p'))();
    const refused = (await budget
      .acquire('t1', '/p')
      .catch((error: unknown) => error)) as WeComRateLimitedError;
    expect(refused.retryAfterMs).toBe(3_540_000);
  });

  it('closes an API for the penalty minute after WeCom answered 45009', async () => {
    const { budget, advance } = budgetWith({});
    budget.penalize('t1', '/externalcontact/batch/get_by_user');
    const refused = (await budget
      .acquire('t1', '/externalcontact/batch/get_by_user')
      .catch((error: unknown) => error)) as WeComRateLimitedError;
    expect(refused.retryAfterMs).toBe(MINUTE_PENALTY_MS);
    advance(MINUTE_PENALTY_MS);
    (await budget.acquire('t1', '/externalcontact/batch/get_by_user'))();
  });

  it('holds calls beyond the concurrency limit until one in flight finishes', async () => {
    const { budget } = budgetWith({ concurrent: 2 });
    const first = await budget.acquire('t1', '/message/send');
    const second = await budget.acquire('t1', '/message/send');
    let thirdStarted = false;
    const third = budget.acquire('t1', '/message/send').then((release) => {
      thirdStarted = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdStarted).toBe(false);
    first();
    first(); // giving a slot back twice frees it once
    (await third)();
    expect(thirdStarted).toBe(true);
    second();
  });
});

import {
  FAST_POLL_MS,
  FAST_POLLING_FOR_MS,
  nextPollDelayMs,
  reminderAllowed,
  SLOW_POLL_MS,
  TRACKING_FOR_MS,
} from './mass-send.contract';

const HOUR = 60 * 60_000;

describe('mass send result polling (I-67)', () => {
  it('polls every 10 minutes for the first 24 hours', () => {
    expect(nextPollDelayMs(0)).toBe(FAST_POLL_MS);
    expect(nextPollDelayMs(FAST_POLLING_FOR_MS - 1)).toBe(FAST_POLL_MS);
  });

  it('then hourly, never past the 7 days', () => {
    expect(nextPollDelayMs(FAST_POLLING_FOR_MS)).toBe(SLOW_POLL_MS);
    expect(nextPollDelayMs(TRACKING_FOR_MS - 10 * 60_000)).toBe(10 * 60_000);
  });

  it('stops after 7 days, when the rest is frozen as 未发送', () => {
    expect(nextPollDelayMs(TRACKING_FOR_MS)).toBeNull();
    expect(nextPollDelayMs(TRACKING_FOR_MS + HOUR)).toBeNull();
  });

  it('counts polls: 144 in the first day, then one an hour', () => {
    let elapsed = 0;
    let polls = 0;
    for (let delay = nextPollDelayMs(elapsed); delay !== null; delay = nextPollDelayMs(elapsed)) {
      elapsed += delay;
      polls += 1;
    }
    expect(polls).toBe(144 + 6 * 24);
  });
});

describe('reminders (remind_groupmsg_send: 3 per 24 hours)', () => {
  it('allows 3 in a day, the fourth after the first has aged out', () => {
    const now = 100 * HOUR;
    expect(reminderAllowed([], now, 3)).toBe(true);
    expect(reminderAllowed([now - 3 * HOUR, now - 2 * HOUR], now, 3)).toBe(true);
    expect(reminderAllowed([now - 23 * HOUR, now - 2 * HOUR, now - HOUR], now, 3)).toBe(false);
    expect(reminderAllowed([now - 24 * HOUR, now - 2 * HOUR, now - HOUR], now, 3)).toBe(true);
  });
});

import { EXTERNAL_USERIDS_PER_TEMPLATE, listWindows, splitRecipients } from './mass-send-api';

describe('splitRecipients', () => {
  it('splits beyond 10,000 external_userids into calls of at most 10,000, in order', () => {
    const ids = Array.from({ length: 25_001 }, (_, i) => `wm${i}`);
    const batches = splitRecipients(ids);
    expect(batches.map((batch) => batch.length)).toEqual([10_000, 10_000, 5_001]);
    expect(batches.flat()).toEqual(ids);
    expect(EXTERNAL_USERIDS_PER_TEMPLATE).toBe(10_000);
  });

  it('keeps exactly 10,000 in one call and nothing in none', () => {
    expect(splitRecipients(Array.from({ length: 10_000 }, (_, i) => `wm${i}`))).toHaveLength(1);
    expect(splitRecipients([])).toEqual([]);
  });

  it('drops duplicates so one customer is never in two calls', () => {
    expect(splitRecipients(['a', 'b', 'a', 'c', 'b'], 2)).toEqual([['a', 'b'], ['c']]);
  });

  it('splits chat_ids by the 2,000 limit when asked', () => {
    const chats = Array.from({ length: 4_001 }, (_, i) => `wr${i}`);
    expect(splitRecipients(chats, 2_000).map((batch) => batch.length)).toEqual([2_000, 2_000, 1]);
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => splitRecipients(['a'], 0)).toThrow(RangeError);
  });
});

describe('listWindows', () => {
  it('covers a long span with windows of at most 28 days that neither overlap nor leave gaps', () => {
    const start = 1_764_000_000;
    const end = start + 70 * 86_400;
    const windows = listWindows(start, end);
    expect(windows).toHaveLength(3);
    expect(windows[0].startTime).toBe(start);
    expect(windows.at(-1)!.endTime).toBe(end);
    for (const window of windows) expect(window.endTime - window.startTime).toBeLessThanOrEqual(28 * 86_400);
    for (let i = 1; i < windows.length; i += 1) expect(windows[i].startTime).toBe(windows[i - 1].endTime + 1);
  });

  it('answers one window for a short span', () => {
    expect(listWindows(100, 200)).toEqual([{ startTime: 100, endTime: 200 }]);
  });
});

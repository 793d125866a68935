import { SeatLanes } from './seat-lane';

describe('SeatLanes', () => {
  it('runs the claims of one group one after another, in order, and others alongside', async () => {
    const lanes = new SeatLanes();
    const log: string[] = [];
    const claim = (group: string, n: number, ms: number) =>
      lanes.run(group, async () => {
        log.push(`${group}${n}+`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${group}${n}-`);
        return n;
      });
    const results = await Promise.all([claim('a', 1, 20), claim('a', 2, 1), claim('b', 1, 1)]);
    expect(results).toEqual([1, 2, 1]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });

  it('a failed claim does not block the next one', async () => {
    const lanes = new SeatLanes();
    await expect(lanes.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lanes.run('a', async () => 'ok')).resolves.toBe('ok');
  });

  it('starts at the furthest of its memory and the stored hint', () => {
    const lanes = new SeatLanes();
    expect(lanes.startAt('a', 3)).toBe(3);
    lanes.remember('a', 7);
    lanes.remember('a', 5);
    expect(lanes.startAt('a', 3)).toBe(7);
    expect(lanes.startAt('a', 9)).toBe(9);
  });
});

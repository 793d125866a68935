import { mapAtMost } from './map-at-most';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapAtMost', () => {
  it('answers every result in the items’ order, never more than `limit` running at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapAtMost([5, 1, 4, 2, 3], 2, async (item, index) => {
      running += 1;
      most = Math.max(most, running);
      for (let i = 0; i < item; i += 1) await tick();
      running -= 1;
      return `${index}:${item}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(most).toBe(2);
  });

  it('rejects with the first failure once the started tasks settle, and starts no further task', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const outcome = mapAtMost([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 2) throw new Error('refused');
      await tick();
      settled.push(item);
      return item;
    });
    await expect(outcome).rejects.toThrow('refused');
    expect(started).toEqual([1, 2]);
    expect(settled).toEqual([1]);
  });

  it('answers an empty list without running anything', async () => {
    expect(await mapAtMost([], 4, async () => 1)).toEqual([]);
  });
});

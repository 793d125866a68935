import { claimOrder, kilometresBetween, type StoreFacts } from './allocation-order';

const expiresAt = new Date('2030-01-01T00:00:00Z');
const at = (latitude: number, longitude: number) => ({ latitude, longitude });
const groups: StoreFacts[] = [
  { id: 'shanghai', position: 0, remaining: 5, scanLimit: 5, expiresAt, store: at(31.23, 121.47) },
  { id: 'beijing', position: 1, remaining: 5, scanLimit: 5, expiresAt, store: at(39.9, 116.4) },
  { id: 'shenzhen', position: 2, remaining: 5, scanLimit: 5, expiresAt, store: at(22.54, 114.06) },
];
const ids = (list: StoreFacts[]) => list.map((group) => group.id);

describe('the order a scan tries the groups in', () => {
  it('溢出 follows the order the groups were added', () => {
    expect(ids(claimOrder('overflow', [...groups].reverse(), 7))).toEqual([
      'shanghai',
      'beijing',
      'shenzhen',
    ]);
  });

  it('轮流 starts at the scan’s turn and goes round', () => {
    expect(ids(claimOrder('round-robin', groups, 0))).toEqual(['shanghai', 'beijing', 'shenzhen']);
    expect(ids(claimOrder('round-robin', groups, 1))).toEqual(['beijing', 'shenzhen', 'shanghai']);
    expect(ids(claimOrder('round-robin', groups, 5))).toEqual(['shenzhen', 'shanghai', 'beijing']);
  });

  it('就近 puts the nearest store first, and falls back to the 溢出 order without a position', () => {
    expect(ids(claimOrder('nearest', groups, 0, at(22.6, 114.1)))[0]).toBe('shenzhen');
    expect(ids(claimOrder('nearest', groups, 0, at(40, 116.5)))).toEqual(['beijing', 'shanghai', 'shenzhen']);
    expect(ids(claimOrder('nearest', groups, 3))).toEqual(['shanghai', 'beijing', 'shenzhen']);
  });

  it('measures great-circle distance', () => {
    expect(kilometresBetween(at(31.23, 121.47), at(39.9, 116.4))).toBeGreaterThan(1000);
    expect(kilometresBetween(at(31.23, 121.47), at(39.9, 116.4))).toBeLessThan(1100);
  });
});

import {
  CI_SUBSET,
  FAULT_KINDS,
  FAULT_PROCESSES,
  cellRandom,
  faultCells,
  faultMatrixFailed,
  faultRuns,
  faultSeed,
  faultsOf,
  parseFaultResults,
  renderFaultMatrix,
  type FaultRunResult,
} from './fault-matrix';

const result = (overrides: Partial<FaultRunResult> = {}): FaultRunResult => ({
  process: 'mass send',
  fault: 'worker-kill',
  run: 1,
  lost: 0,
  doubled: 0,
  recoverySeconds: 12.3,
  inFlight: true,
  ...overrides,
});

describe('the fault matrix', () => {
  it('takes SCRM_FAULT_SEED when given and makes one up otherwise', () => {
    expect(faultSeed({ SCRM_FAULT_SEED: '42' })).toEqual({ seed: 42, given: true });
    expect(faultSeed({}, () => 7)).toEqual({ seed: 7, given: false });
    expect(() => faultSeed({ SCRM_FAULT_SEED: 'abc' })).toThrow(/whole number/);
  });

  it('runs each cell once unless SCRM_FAULT_RUNS says more, within bounds', () => {
    expect(faultRuns({})).toBe(1);
    expect(faultRuns({ SCRM_FAULT_RUNS: '3' })).toBe(3);
    expect(() => faultRuns({ SCRM_FAULT_RUNS: '0' })).toThrow(/1 to 20/);
    expect(() => faultRuns({ SCRM_FAULT_RUNS: '21' })).toThrow(/1 to 20/);
  });

  it("runs every fault unless SCRM_FAULT_SUBSET is ci, then CI_SUBSET's: each fault once, each process", () => {
    expect(faultsOf('org sync', {})).toEqual(FAULT_KINDS);
    expect(faultsOf('mass send', { SCRM_FAULT_SUBSET: 'ci' })).toEqual(['worker-kill', 'temporal-cut']);
    expect(() => faultsOf('mass send', { SCRM_FAULT_SUBSET: 'some' })).toThrow(/"ci" or empty/);
    expect(CI_SUBSET.map((cell) => cell.fault).sort()).toEqual([...FAULT_KINDS].sort());
    for (const process of FAULT_PROCESSES)
      expect(faultsOf(process, { SCRM_FAULT_SUBSET: 'ci' }).length).toBeGreaterThan(0);
  });

  it('draws the same points for the same seed and cell, and others for another cell or seed', () => {
    const draw = (seed: number, run: number) => {
      const random = cellRandom(seed, 'mass send', 'db-cut', run);
      return [random(), random(), random()];
    };
    expect(draw(5, 1)).toEqual(draw(5, 1));
    expect(draw(5, 1)).not.toEqual(draw(5, 2));
    expect(draw(5, 1)).not.toEqual(draw(6, 1));
    expect(cellRandom(5, 'mass send', 'db-cut', 1)()).not.toBe(cellRandom(5, 'callbacks', 'db-cut', 1)());
    for (const value of draw(123456, 1)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('adds up the runs of a cell and shows every cell, run or not', () => {
    const cells = faultCells([
      result({ run: 1, recoverySeconds: 10 }),
      result({ run: 2, recoverySeconds: 20, doubled: 1, inFlight: false }),
    ]);
    expect(cells).toHaveLength(7 * 9);
    expect(cells.find((c) => c.process === 'mass send' && c.fault === 'worker-kill')).toEqual({
      process: 'mass send',
      fault: 'worker-kill',
      runs: 2,
      failedRuns: 0,
      lost: 0,
      doubled: 1,
      inFlight: 1,
      recoverySeconds: { min: 10, max: 20 },
    });
    expect(cells.filter((c) => c.runs === 0)).toHaveLength(7 * 9 - 1);
  });

  it('prints a row per cell with "not run" for the cells no test covered, and the seed to replay', () => {
    const table = renderFaultMatrix([result(), result({ fault: 'db-cut', error: 'timed out' })], 99);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| process +\| fault +\| runs +\| lost \| doubled \| recovery s \|$/);
    expect(lines.filter((l) => l.includes('not run'))).toHaveLength(7 * 9 - 2);
    expect(lines.find((l) => l.includes('worker killed, restarted') && l.includes('mass send'))).toMatch(
      /\| 1 +\| 0 +\| 0 +\| 12\.3 +\|$/,
    );
    expect(lines.find((l) => l.includes('MongoDB unreachable') && l.includes('mass send'))).toMatch(
      /\| 1 \(1 failed\) +\| 0 +\| 0 +\| – +\|$/,
    );
    expect(table).toContain('SCRM_FAULT_SEED=99 npm run test:faults');
    // Every row has the header's width: a column never runs out of its lane.
    expect(new Set(lines.slice(0, 2 + 63).map((l) => l.length)).size).toBe(1);
  });

  it('fails on anything lost, doubled or unfinished, and not otherwise', () => {
    expect(faultMatrixFailed([result()])).toBe(false);
    expect(faultMatrixFailed([result({ lost: 1 })])).toBe(true);
    expect(faultMatrixFailed([result({ doubled: 2 })])).toBe(true);
    expect(faultMatrixFailed([result({ error: 'x' })])).toBe(true);
  });

  it('reads the results file, skipping a line a killed run cut off', () => {
    const text = `${JSON.stringify(result())}\n{"process":"mass se\n\n${JSON.stringify(result({ run: 2 }))}\n`;
    expect(parseFaultResults(text).map((r) => r.run)).toEqual([1, 2]);
  });
});

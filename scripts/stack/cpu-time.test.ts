import { cpuSecondsOfTrees, parseProcStat, type ProcessTimes } from './cpu-time';

describe('CPU time from /proc', () => {
  it('reads the parent and times of a process whose name holds spaces and parentheses', () => {
    const stat =
      '4242 (node (jest) worker) S 4200 4100 4100 0 -1 4194560 1000 0 0 0 250 50 30 20 20 0 11 0 9000 0 0';
    expect(parseProcStat(stat)).toEqual({ pid: 4242, ppid: 4200, own: 300, reapedChildren: 50 });
  });

  it('gives nothing for a line it cannot read', () => {
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('adds up a tree: each process, its live descendants, and the exited children they waited for', () => {
    const row = (pid: number, ppid: number, own: number, reapedChildren = 0): ProcessTimes => ({
      pid,
      ppid,
      own,
      reapedChildren,
    });
    // 10 is a server with a child that leads a group of its own (20) and a grandchild (30); 40 is elsewhere.
    const processes = [row(10, 1, 100, 50), row(20, 10, 200), row(30, 20, 300), row(40, 1, 1_000)];
    const seconds = cpuSecondsOfTrees([10, 20, 40, 99], processes, 100);
    expect(seconds.get(10)! * 100).toBeCloseTo(650);
    expect(seconds.get(20)! * 100).toBeCloseTo(500);
    expect(seconds.get(40)! * 100).toBeCloseTo(1_000);
    expect(seconds.get(99)).toBe(0);
  });

  it('counts this process’s own tree', () => {
    const seconds = cpuSecondsOfTrees([process.pid]);
    if (process.platform !== 'linux') return;
    expect(seconds.get(process.pid)).toBeGreaterThan(0);
  });
});

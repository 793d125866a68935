import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time spent by process trees, read from Linux's /proc: what `npm test` prints per server at its end, so that
 * what the 2-core machine's time goes to is measured, not guessed. Elsewhere (no /proc) there is nothing to read.
 */

/** One process's fields of /proc/<pid>/stat that matter here, in clock ticks. */
export interface ProcessTimes {
  pid: number;
  ppid: number;
  /** Its own CPU time, user and system. */
  own: number;
  /** Its children's that have exited and it has waited for (so a tree's exited processes count too). */
  reapedChildren: number;
}

/**
 * Parses /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so fields are counted from
 * its last ')'.
 */
export function parseProcStat(stat: string): ProcessTimes | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  const at = (field: number) => Number(fields[field - 3]);
  const times = {
    pid: Number(stat.slice(0, stat.indexOf(' '))),
    ppid: at(4),
    own: at(14) + at(15),
    reapedChildren: at(16) + at(17),
  };
  return Object.values(times).every(Number.isFinite) ? times : undefined;
}

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Every process's times, as /proc has them now. */
function readProcesses(): ProcessTimes[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const processes: ProcessTimes[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const times = parseProcStat(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (times) processes.push(times);
    } catch {
      // exited meanwhile
    }
  }
  return processes;
}

/**
 * CPU seconds of the process tree under each root pid: the live processes of the tree, and the exited ones they
 * waited for. By tree, not by process group: PostgreSQL's backends, say, each lead a group of their own.
 */
export function cpuSecondsOfTrees(
  roots: number[],
  processes = readProcesses(),
  ticksPerSecond = clockTicksPerSecond(),
): Map<number, number> {
  const children = new Map<number, ProcessTimes[]>();
  for (const proc of processes) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const byPid = new Map(processes.map((proc) => [proc.pid, proc]));
  const treeTicks = (pid: number): number => {
    const self = byPid.get(pid);
    const own = self ? self.own + self.reapedChildren : 0;
    return own + (children.get(pid) ?? []).reduce((sum, child) => sum + treeTicks(child.pid), 0);
  };
  return new Map(roots.map((root) => [root, treeTicks(root) / ticksPerSecond]));
}

/**
 * One line: the CPU seconds of each running service's process tree, then of this process's tree (the test
 * runner, jest and its workers with the api, Temporal workers and Chromium they ran, the admin's build and checks),
 * against what the machine's cores could give over the run.
 */
export function cpuTimeLine(
  services: { label: string; pid: number }[],
  wallSeconds: number,
): string | undefined {
  if (!fs.existsSync('/proc/self/stat')) return undefined;
  const seconds = cpuSecondsOfTrees([...services.map((service) => service.pid), process.pid]);
  const parts = services.map(({ label, pid }) => `${label} ${Math.round(seconds.get(pid) ?? 0)} s`);
  parts.push(`the tests and the rest ${Math.round(seconds.get(process.pid) ?? 0)} s`);
  const cores = os.availableParallelism();
  return `cpu: ${parts.join(', ')} (the machine's ${cores} cores × ${Math.round(wallSeconds)} s = ${Math.round(cores * wallSeconds)} s)`;
}

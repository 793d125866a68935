import fs from 'node:fs';

/**
 * CPU seconds used by the stack's server processes (Linux /proc), to say where a benchmark's time went: on a
 * 2-core machine, the process that used the most CPU while the bench ran is what bounds it.
 */
const SERVERS: { name: string; matches: (commandLine: string) => boolean }[] = [
  { name: 'PostgreSQL', matches: (c) => c.startsWith('postgres') || c.includes('/bin/postgres ') },
  { name: 'FerretDB', matches: (c) => c.includes('ferretdb-launcher') },
  { name: 'Elasticsearch', matches: (c) => c.includes('org.elasticsearch.') },
  { name: 'Temporal', matches: (c) => c.includes('temporal server start-dev') },
  { name: 'WeCom simulator', matches: (c) => c.includes('wecom-sim/server.ts') },
];

export type CpuSnapshot = Map<string, number>;

export function cpuSnapshot(): CpuSnapshot {
  const ticks = 100; // USER_HZ on Linux
  const totals: CpuSnapshot = new Map([
    ['this process', process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6],
  ]);
  if (!fs.existsSync('/proc')) return totals;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const server = SERVERS.find((s) => s.matches(commandLine));
      if (!server) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticks;
      totals.set(server.name, (totals.get(server.name) ?? 0) + seconds);
    } catch {
      // the process ended meanwhile
    }
  }
  return totals;
}

/** "PostgreSQL 12.3 s, FerretDB 8.1 s, …" for the CPU used between two snapshots, most first. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): string {
  return [...after]
    .map(([name, seconds]) => [name, seconds - (before.get(name) ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(', ');
}

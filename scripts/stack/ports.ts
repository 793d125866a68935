import fs from 'node:fs';
import net from 'node:net';
import { StackError } from './errors';

export interface PortClaim {
  /** Who needs the port ("Elasticsearch HTTP"). */
  component: string;
  port: number;
  /** What the user can do instead of freeing it ("set ES_URL to use a running Elasticsearch"). */
  alternative?: string;
}

/** Whether nothing listens on 127.0.0.1:port (tries to bind it for a moment). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Best effort: "pid 1234 (nc)" of the process listening on `port`, from /proc (Linux only). */
export function describeListener(port: number): string | undefined {
  try {
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10 || cols[3] !== '0A') continue; // 0A = LISTEN
        if (parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
      }
    }
    if (inodes.size === 0) return undefined;
    for (const pid of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      let fds: string[];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target: string;
        try {
          target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        const m = /^socket:\[(\d+)\]$/.exec(target);
        if (m && inodes.has(m[1])) {
          const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
          return `pid ${pid} (${name})`;
        }
      }
    }
  } catch {
    // /proc not readable: no owner in the message
  }
  return undefined;
}

/** Checks every claimed port at once; throws one line per busy port saying who needs it and what to do. */
export async function assertPortsFree(claims: PortClaim[], profileName: string): Promise<void> {
  const busy: string[] = [];
  for (const claim of claims) {
    if (await isPortFree(claim.port)) continue;
    const owner = describeListener(claim.port);
    const by = owner ? ` by ${owner}` : '';
    const instead = claim.alternative ? `, or ${claim.alternative}` : '';
    busy.push(
      `Port ${claim.port} (${claim.component}, ${profileName} profile) is already in use${by}: stop that process${instead}.`,
    );
  }
  if (busy.length === 1) throw new StackError(busy[0]);
  if (busy.length > 1) throw new StackError(`${busy.length} ports are already in use:`, busy.join('\n'));
}

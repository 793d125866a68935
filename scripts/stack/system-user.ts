import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { StackError } from './errors';
import { log } from './log';
import { findOnPath } from './tools';

/**
 * Elasticsearch and PostgreSQL refuse to run as root. As root, the stack runs each as a system user of its own,
 * created on first use; its data folders are given to that user.
 */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

/** Uid and gid of a user from /etc/passwd, or undefined. */
function lookupUser(name: string): { uid: number; gid: number } | undefined {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** The system user `name` (created when missing), to run `server` as. */
export function ensureSystemUser(name: string, server: string): RunAs {
  const existing = lookupUser(name);
  if (existing) return { user: name, ...existing };
  const useradd =
    findOnPath('useradd') ?? ['/usr/sbin/useradd', '/sbin/useradd'].find((p) => fs.existsSync(p));
  if (!useradd)
    throw new StackError(
      `useradd not found: create a system user named ${name} for ${server} (it refuses to run as root).`,
    );
  const nologin = ['/usr/sbin/nologin', '/sbin/nologin'].find((p) => fs.existsSync(p)) ?? '/bin/false';
  const result = spawnSync(useradd, ['--system', '--no-create-home', '--shell', nologin, name], {
    encoding: 'utf8',
  });
  // A parallel run may have created it in between.
  const created = lookupUser(name);
  if (result.status !== 0 && !created)
    throw new StackError(`Cannot create the system user ${name}: ${(result.stderr || result.stdout).trim()}`);
  if (!created) throw new StackError(`useradd created ${name} but it is not in /etc/passwd.`);
  log.done(`created system user ${name} to run ${server} (it refuses to run as root)`);
  return { user: name, ...created };
}

/** Every folder from `dir` up to / must be searchable by "others", or the server's user cannot reach its files. */
export function assertTraversable(dir: string, user: string, server: string): void {
  for (let d = dir; ; d = d.substring(0, d.lastIndexOf('/')) || '/') {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new StackError(
        `${server} runs as user ${user}, which cannot enter ${d} (not searchable by others): ` +
          `run \`chmod o+x ${d}\` or put the repository under a world-searchable folder such as /work or /tmp.`,
      );
    }
    if (d === '/') return;
  }
}

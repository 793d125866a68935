import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { log } from './log';
import { STACK_MARKER } from './processes';
import type { Profile } from './profiles';
import { sleep } from './readiness';

/** Pids of live processes in process group `pgid` that carry this profile's stack marker. */
function markedGroupMembers(pgid: number, profileDir: string): number[] {
  const marker = `${STACK_MARKER}=${profileDir}`;
  const members: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // fields after the command name "(...)": state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(marker)) members.push(Number(entry));
    } catch {
      // process gone or not ours to read
    }
  }
  return members;
}

/** The command line of a live process, or undefined. */
function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/**
 * Makes this process the owner of the profile (`.stack/<profile>/owner.pid`). When another live run owns it
 * (a second `npm start`, or `npm test` while `npm run bench` runs), stops with one line saying so.
 * Then stops the leftovers of an earlier owner that was killed before it could clean up.
 */
export async function claimProfile(profile: Profile): Promise<void> {
  fs.mkdirSync(profile.dir, { recursive: true });
  const ownerFile = path.join(profile.dir, 'owner.pid');
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8').trim()) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid) {
    const cmd = commandLine(owner);
    const script = cmd && /scripts\/(start|test|bench)\.ts/.exec(cmd);
    if (script) {
      const npmName = script[1] === 'bench' ? 'npm run bench' : `npm ${script[1]}`;
      throw new StackError(
        `The ${profile.name} profile is in use by another run (\`${npmName}\`, pid ${owner}): stop that one first (Ctrl-C in its terminal, or \`kill ${owner}\`).`,
      );
    }
  }
  fs.writeFileSync(ownerFile, `${process.pid}\n`);
  process.on('exit', () => {
    try {
      if (Number(fs.readFileSync(ownerFile, 'utf8').trim()) === process.pid) fs.rmSync(ownerFile);
    } catch {
      // already gone
    }
  });
  await stopLeftovers(profile);
}

/**
 * Stops processes left running by an earlier run of this profile that was killed before it could clean up
 * (found through `.stack/<profile>/pids/`, recognised by their environment marker, so a reused pid is never hit).
 */
async function stopLeftovers(profile: Profile): Promise<void> {
  if (!fs.existsSync(profile.pidDir) || !fs.existsSync('/proc')) return;
  for (const file of fs.readdirSync(profile.pidDir).filter((f) => f.endsWith('.pid'))) {
    const pidFile = path.join(profile.pidDir, file);
    let pgid: number;
    try {
      pgid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    } catch {
      continue; // removed meanwhile
    }
    const name = file.replace(/\.pid$/, '');
    if (Number.isInteger(pgid) && pgid > 1 && markedGroupMembers(pgid, profile.dir).length > 0) {
      log.warn(`${name} (pid ${pgid}) is left over from an earlier ${profile.name} run: stopping it`);
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-pgid, signal);
        } catch {
          // gone
        }
      };
      kill('SIGTERM');
      for (let i = 0; i < 50 && markedGroupMembers(pgid, profile.dir).length > 0; i++) await sleep(200);
      kill('SIGKILL');
      for (let i = 0; i < 20 && markedGroupMembers(pgid, profile.dir).length > 0; i++) await sleep(100);
    }
    fs.rmSync(pidFile, { force: true });
  }
}

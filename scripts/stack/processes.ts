import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { elapsed, log } from './log';
import { logTail, openLog } from './log-files';
import type { Profile } from './profiles';
import { checkOnce, sleep, type ReadyCheck } from './readiness';

/** Environment variable set on every process the stack starts; lets a later run recognise its leftovers. */
export const STACK_MARKER = 'SCRM_STACK_DIR';

export interface ServiceSpec {
  /** File-name friendly id: `.stack/<profile>/logs/<name>.log`. */
  name: string;
  /** Shown in progress lines ("Elasticsearch 8.19.21"). */
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Full environment of the process (the marker is added). */
  env: NodeJS.ProcessEnv;
  /** Run as this user and group (we are root). */
  uid?: number;
  gid?: number;
  ready: ReadyCheck;
  readyTimeoutMs: number;
  /** Shown as "ready on <url>". */
  url?: string;
  /** Grace period after the stop signal before SIGKILL. */
  stopTimeoutMs?: number;
  /** Signal that stops it cleanly (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /**
   * Who gets the SIGTERM: the whole process group (default), or only the process we started, for programs
   * that stop their own children in order (Elasticsearch's launcher stops its server JVM).
   */
  stopSignalTo?: 'group' | 'leader';
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  exitInfo?: { code: number | null; signal: NodeJS.Signals | null };
}

/** Starts long-running processes in their own process groups, waits until they are ready, and stops them all. */
export class Supervisor {
  private readonly services: RunningService[] = [];
  private stopping = false;
  private crashHandler?: (service: RunningService) => void;

  constructor(readonly profile: Profile) {
    // Last resort: whatever happens to this process, do not leave servers behind.
    process.on('exit', () => this.killAllNow());
  }

  /** Called once when a ready service exits on its own (not during stopAll). */
  onCrash(handler: (service: RunningService) => void): void {
    this.crashHandler = handler;
  }

  /** The services started and not exited, with the pid of the process each was started as. */
  runningServices(): { label: string; pid: number }[] {
    return this.services
      .filter((service) => !service.exitInfo && service.child.pid)
      .map((service) => ({ label: service.spec.label, pid: service.child.pid! }));
  }

  logFile(name: string): string {
    return path.join(this.profile.logDir, `${name}.log`);
  }

  async start(spec: ServiceSpec): Promise<RunningService> {
    if (this.stopping) throw new StackError(`Not starting ${spec.label}: the stack is stopping.`);
    const began = Date.now();
    const logFile = this.logFile(spec.name);
    const fd = openLog(logFile, [spec.command, ...spec.args].join(' '));
    const logOffset = fs.fstatSync(fd).size;
    log.step(`${spec.label}: starting (log: ${path.relative(process.cwd(), logFile) || logFile})…`);
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...spec.env, [STACK_MARKER]: this.profile.dir },
      stdio: ['ignore', fd, fd],
      uid: spec.uid,
      gid: spec.gid,
      detached: true, // own process group: Ctrl-C reaches only us, and we stop the whole group in order
    });
    fs.closeSync(fd);
    const service: RunningService = {
      spec,
      child,
      logFile,
      exited: new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          service.exitInfo = { code, signal };
          this.removePidFile(spec.name);
          resolve();
        });
        child.once('error', (err) => {
          service.exitInfo = { code: null, signal: null };
          fs.appendFileSync(logFile, `\ncannot start ${spec.command}: ${err.message}\n`);
          resolve();
        });
      }),
    };
    this.services.push(service);
    if (child.pid) this.writePidFile(spec.name, child.pid);

    const deadline = began + spec.readyTimeoutMs;
    for (;;) {
      if (service.exitInfo) {
        throw new StackError(
          `${spec.label} exited before it was ready (${describeExit(service)}); log: ${logFile}`,
          logTail(logFile),
        );
      }
      if (await checkOnce(spec.ready, logFile, logOffset)) break;
      if (Date.now() > deadline) {
        throw new StackError(
          `${spec.label} was not ready after ${Math.round(spec.readyTimeoutMs / 1000)} s; log: ${logFile}`,
          logTail(logFile),
        );
      }
      await Promise.race([sleep(300), service.exited]);
    }
    log.done(`${spec.label} ready${spec.url ? ` on ${spec.url}` : ''} (${elapsed(began)})`);
    void service.exited.then(() => {
      if (!this.stopping) this.crashHandler?.(service);
    });
    return service;
  }

  /** Stops every service in reverse start order: its stop signal, SIGKILL after the grace period. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const service of [...this.services].reverse()) {
      if (service.exitInfo) continue;
      const began = Date.now();
      log.step(`${service.spec.label}: stopping…`);
      const signal = service.spec.stopSignal ?? 'SIGTERM';
      if (service.spec.stopSignalTo === 'leader') service.child.kill(signal);
      else signalGroup(service.child, signal);
      const grace = service.spec.stopTimeoutMs ?? 10_000;
      const timedOut = await Promise.race([service.exited.then(() => false), sleep(grace).then(() => true)]);
      if (timedOut) {
        log.warn(`${service.spec.label} did not stop within ${grace / 1000} s: killing it`);
        signalGroup(service.child, 'SIGKILL');
        await Promise.race([service.exited, sleep(2000)]);
      }
      // Children of the leader may outlive it: make sure the whole group is gone.
      signalGroup(service.child, 'SIGKILL');
      log.done(`${service.spec.label} stopped (${elapsed(began)})`);
    }
  }

  /** Synchronous SIGKILL of everything still running (process 'exit' handler). */
  killAllNow(): void {
    for (const service of this.services) signalGroup(service.child, 'SIGKILL');
  }

  private writePidFile(name: string, pid: number): void {
    fs.mkdirSync(this.profile.pidDir, { recursive: true });
    fs.writeFileSync(path.join(this.profile.pidDir, `${name}.pid`), `${pid}\n`);
  }

  private removePidFile(name: string): void {
    fs.rmSync(path.join(this.profile.pidDir, `${name}.pid`), { force: true });
  }
}

export function describeExit(service: RunningService): string {
  const info = service.exitInfo;
  if (!info) return 'still running';
  if (info.signal) return `killed by ${info.signal}`;
  if (info.code === null) return 'could not be started';
  return `exit code ${info.code}`;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

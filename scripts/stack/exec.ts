import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { StackError } from './errors';
import { logTail, openLog } from './log-files';

const running = new Set<ChildProcess>();

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Output goes here (appended); its tail is shown when the command fails. */
  logFile: string;
  /** What the command does, for the failure message ("downloading Elasticsearch 8.19.21"). */
  what: string;
  /** Extra advice appended to the failure message. */
  hint?: string;
  /** Also print the output on the console (as it comes). */
  echo?: boolean;
  /** Run as this user and group (we are root; e.g. PostgreSQL's initdb). */
  uid?: number;
  gid?: number;
}

/** Runs a provisioning command to completion, its output in a log file; rejects with the log tail on failure. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<void> {
  const fd = openLog(options.logFile, [command, ...args].join(' '));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      stdio: options.echo ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
    });
    if (options.echo) {
      const copy = (out: NodeJS.WriteStream) => (chunk: Buffer) => {
        out.write(chunk);
        fs.writeSync(fd, chunk);
      };
      child.stdout?.on('data', copy(process.stdout));
      child.stderr?.on('data', copy(process.stderr));
    }
    running.add(child);
    const finish = (error?: Error) => {
      running.delete(child);
      fs.closeSync(fd);
      if (error) reject(error);
      else resolve();
    };
    child.on('error', (err) =>
      finish(new StackError(`${options.what} failed: cannot run ${command}: ${err.message}`)),
    );
    child.on('exit', (code, signal) => {
      if (code === 0) return finish();
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const hint = options.hint ? ` ${options.hint}` : '';
      finish(
        new StackError(
          `${options.what} failed: ${command} ${how} (log: ${options.logFile}).${hint}`,
          logTail(options.logFile),
        ),
      );
    });
  });
}

/**
 * Runs a command attached to the console (jest, a benchmark) and resolves with its exit code;
 * it is killed too if the run is interrupted. `watch` sees the child while it runs (jest's exit watchdog).
 */
export function runAttached(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; watch?: (child: ChildProcess) => void },
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    running.add(child);
    options.watch?.(child);
    child.on('error', (err) => {
      running.delete(child);
      console.error(`cannot run ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

/** Stops commands still running (called when the run is interrupted): SIGTERM now, SIGKILL after 3 s. */
export async function killRunningCommands(): Promise<void> {
  const children = [...running];
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const child of children) child.kill('SIGTERM');
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3000).unref());
  await Promise.race([Promise.all(children.map(exited)), timeout]);
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

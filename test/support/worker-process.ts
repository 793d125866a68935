import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../lib/config';

const ROOT = path.join(__dirname, '..', '..');
const STARTED_WITHIN_MS = 120_000;

export interface WorkerProcess {
  worker: ChildProcess;
  /** Its JSON-lines log (stdout and stderr): `<STACK_LOG_DIR>/<logName>.log`. */
  logFile: string;
  /** Resolves once the worker logs `worker started` (it polls then); rejects if it exits first. */
  started: Promise<void>;
}

/**
 * The worker as its own process, started the way `npm start` starts it (so a test can kill it for real, or
 * read its log), against the test app's database and task queue. It logs at `info`, the level of its
 * `worker started` line. Several processes may share one log (`append`), e.g. every worker of a suite.
 */
export function startWorkerProcess(
  app: { config: AppConfig; baseUrl: string },
  options: { logName: string; env?: Record<string, string>; append?: boolean },
): WorkerProcess {
  const logFile = path.join(process.env.STACK_LOG_DIR ?? os.tmpdir(), `${options.logName}.log`);
  const startOffset = options.append && fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const fd = fs.openSync(logFile, options.append ? 'a' : 'w');
  const worker = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      MONGO_URL: app.config.mongoUrl,
      TEMPORAL_ADDRESS: app.config.temporalAddress,
      PUBLIC_URL: app.baseUrl,
      TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
      LOG_LEVEL: 'info',
      // To its own log (stdio below), whatever file the test process logs to.
      LOG_FILE: '',
      NODE_ENV: 'test',
      ...options.env,
    },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  const started = loggedLine(worker, logFile, startOffset, 'worker started', 'the worker');
  // Callers that kill the worker without waiting for it to start never look at this promise.
  started.catch(() => undefined);
  return { worker, logFile, started };
}

/**
 * A worker a test starts and kills for real (SIGKILL) as often as it likes, one process at a time, all logging
 * to `<logName>.log`, with `env` on top of the app's. `running` says whether one is up now.
 */
export function killableWorker(
  app: { config: AppConfig; baseUrl: string },
  logName: string,
  env: Record<string, string> = {},
) {
  let current: ChildProcess | undefined;
  return {
    get running(): boolean {
      return current !== undefined;
    },
    async start(): Promise<void> {
      const started = startWorkerProcess(app, { logName, append: true, env });
      current = started.worker;
      await started.started;
    },
    async kill(): Promise<void> {
      const dying = current;
      current = undefined;
      if (!dying || dying.exitCode !== null || dying.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        dying.once('exit', () => resolve());
        dying.kill('SIGKILL');
      });
    },
  };
}

/**
 * Watches a process's JSON-lines log, from where this process began writing, for the line whose msg is `msg`
 * (`worker started`, `api listening`); rejects if the process (`who`, for the message) exits first.
 */
export function loggedLine(
  child: ChildProcess,
  logFile: string,
  fromOffset: number,
  msg: string,
  who: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + STARTED_WITHIN_MS;
    const onExit = (code: number | null) =>
      finish(new Error(`${who} exited (${code}) before it started; see ${logFile}`));
    const timer = setInterval(() => {
      const text = fs.readFileSync(logFile, 'utf8').slice(fromOffset);
      if (text.includes(`"msg":"${msg}"`)) finish();
      else if (Date.now() > deadline) finish(new Error(`${who} did not start; see ${logFile}`));
    }, 200);
    function finish(error?: Error) {
      clearInterval(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.once('exit', onExit);
  });
}

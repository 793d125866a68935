import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../lib/config';
import { loggedLine } from './worker-process';

const ROOT = path.join(__dirname, '..', '..');

/** A port free now, for an api that must come back on the same address after each kill. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface KillableApi {
  /** Where it listens, the same after every restart (WeCom's callback URL and a browser's cookies stay good). */
  url: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL: no graceful close, as a crash or the OOM killer ends it. */
  kill(): Promise<void>;
}

/**
 * The api as its own process, started the way `npm start` starts it (api/server.ts), against the test app's
 * database and task queue, so that a test can kill it for real (the test app's own api runs inside jest). All of
 * its runs log to `<STACK_LOG_DIR>/<logName>.log`.
 */
export async function killableApi(app: { config: AppConfig }, logName: string): Promise<KillableApi> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(process.env.STACK_LOG_DIR ?? os.tmpdir(), `${logName}.log`);
  fs.writeFileSync(logFile, '');
  let current: ChildProcess | undefined;
  return {
    url,
    get running() {
      return current !== undefined;
    },
    async start() {
      const startOffset = fs.statSync(logFile).size;
      const fd = fs.openSync(logFile, 'a');
      const api = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api', 'server.ts')], {
        cwd: ROOT,
        env: {
          ...process.env,
          MONGO_URL: app.config.mongoUrl,
          TEMPORAL_ADDRESS: app.config.temporalAddress,
          TEMPORAL_TASK_QUEUE: app.config.temporalTaskQueue,
          PUBLIC_URL: url,
          PORT: String(port),
          LOG_LEVEL: 'info',
          LOG_FILE: '',
          NODE_ENV: 'test',
        },
        stdio: ['ignore', fd, fd],
      });
      fs.closeSync(fd);
      current = api;
      await loggedLine(api, logFile, startOffset, 'api listening', 'the api');
    },
    async kill() {
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

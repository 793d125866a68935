/**
 * The load bench's target, a process of its own so the load generator does not share its event loop: the real
 * api (test/support/app-harness.ts: its own database and Temporal task queue) and, beside it in the same process,
 * a bare Express handler as the ceiling. Tells its parent where both listen, answers CPU questions, and stops
 * when told (or when the parent goes).
 *
 * Login is rate-limited per address (LOGIN_ATTEMPTS_PER_MINUTE, 20 a minute by default) and every request here
 * comes from 127.0.0.1: the limit is raised out of the way, so the login cell measures logging in, not 429s.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startTestApp } from '../../test/support/app-harness';

const LOGIN_LIMIT = 1_000_000_000;

export interface LoadTargetReady {
  kind: 'ready';
  apiUrl: string;
  bareUrl: string;
  mongoUrl: string;
  esUrl: string;
  esIndexPrefix: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  /** LOGIN_ATTEMPTS_PER_MINUTE as set for the api. */
  loginLimit: number;
}

/** CPU seconds this process has used so far (user + system). */
export interface LoadTargetCpu {
  kind: 'cpu';
  seconds: number;
}

async function main(): Promise<void> {
  const app = await startTestApp('bench-load', {
    LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_LIMIT),
  });
  const bare = express();
  bare.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = bare.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));

  const stop = async () => {
    server.close();
    await app.stop();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (message) => {
    if (message === 'stop') void stop();
    if (message === 'cpu') {
      const used = process.cpuUsage();
      process.send!({ kind: 'cpu', seconds: (used.user + used.system) / 1e6 } satisfies LoadTargetCpu);
    }
  });
  const { config } = app;
  process.send!({
    kind: 'ready',
    apiUrl: app.baseUrl,
    bareUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mongoUrl: config.mongoUrl,
    esUrl: config.esUrl,
    esIndexPrefix: config.esIndexPrefix,
    temporalAddress: config.temporalAddress,
    temporalNamespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
    loginLimit: config.loginAttemptsPerMinute,
  } satisfies LoadTargetReady);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

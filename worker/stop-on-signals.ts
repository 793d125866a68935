import type { Worker } from '@temporalio/worker';
import type { Logger } from '../lib/logger';
import { SHUTDOWN_LIMIT_MS } from './shutdown-limits';

/**
 * SIGINT (Ctrl-C) and SIGTERM (`npm start`, a deployment) stop a running worker: no new tasks, in-flight
 * activities cancelled after the grace period, Worker.run() returning once they have stopped. Past the
 * shutdown limit the process exits anyway. A second identical signal kills it at once (Node's default).
 */
export function stopOnSignals(worker: Worker, log: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    if (worker.getState() !== 'RUNNING') return;
    log.info({ signal }, 'worker stopping');
    setTimeout(() => {
      log.error(
        { limitMs: SHUTDOWN_LIMIT_MS },
        'worker still busy at its shutdown limit: exiting without it',
      );
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    worker.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

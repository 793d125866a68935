import { Runtime } from '@temporalio/worker';
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { createLogger } from '../lib/logger';
import { createWorker } from './create-worker';
import { PinoSdkLogger } from './sdk-logger';
import { stopOnSignals } from './stop-on-signals';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('worker', config.logLevel);
  Runtime.install({
    logger: new PinoSdkLogger(log),
    // Temporal core's own warnings (a failing workflow task, a lost connection) join the same log; below WARN
    // it speaks of every poll.
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    // stopOnSignals handles them, with the shutdown's limits.
    shutdownSignals: [],
  });
  await connectDatabase(config.mongoUrl);
  const { worker, close } = await createWorker(config);
  // run() makes the worker RUNNING at once, so a signal from here on stops it; it returns when it has stopped.
  const running = worker.run();
  stopOnSignals(worker, log);
  // The scripts wait for this line before they call the stack ready.
  log.info({ taskQueue: worker.options.taskQueue }, 'worker started');
  await running;
  await close();
  await disconnectDatabase();
  log.info('worker stopped');
}

main().catch((error) => {
  createLogger('worker').fatal({ err: error }, 'worker crashed');
  process.exit(1);
});

import { Runtime } from '@temporalio/worker';
import { loadConfig } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { createLogger } from '../lib/logger';
import { createWorker } from './create-worker';
import { PinoSdkLogger } from './sdk-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('worker', config.logLevel);
  Runtime.install({
    logger: new PinoSdkLogger(log),
    // Temporal core's own warnings (a failing workflow task, a lost connection) join the same log; below WARN
    // it speaks of every poll.
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
  await connectDatabase(config.mongoUrl);
  const { worker, close } = await createWorker(config);
  // The scripts wait for this line before they call the stack ready.
  log.info({ taskQueue: worker.options.taskQueue }, 'worker started');
  // Worker.run() returns after SIGINT/SIGTERM once in-flight tasks are done.
  await worker.run();
  await close();
  await disconnectDatabase();
  log.info('worker stopped');
}

main().catch((error) => {
  createLogger('worker').fatal({ err: error }, 'worker crashed');
  process.exit(1);
});

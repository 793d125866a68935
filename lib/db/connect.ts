import mongoose from 'mongoose';
import { createLogger } from '../logger';
import { recordQueryShapes } from './query-shape-recorder';

/**
 * Connects mongoose once and builds every model's indexes (FerretDB v1 and MongoDB alike).
 * With `queryShapesFile` (SCRM_QUERY_SHAPES_FILE, set by `npm test` for the integration and e2e runs and
 * inherited by the processes they start) every query shape sent is recorded there for the pushdown check.
 */
export async function connectDatabase(
  mongoUrl: string,
  queryShapesFile = process.env.SCRM_QUERY_SHAPES_FILE,
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Indexes are built by syncAllIndexes below; autoIndex would race it on first start.
  mongoose.set('autoIndex', false);
  // Mongoose formats a stack trace at every query's exec, kept only to explain a "Query was already executed"
  // error; under source maps (tsx, jest) that maps every frame: 0.4 s of the 65 s of CPU a profile of five
  // integration test files showed in their jest workers.
  mongoose.set('skipOriginalStackTraces', true);
  await mongoose.connect(mongoUrl, {
    serverSelectionTimeoutMS: 10_000,
    monitorCommands: Boolean(queryShapesFile),
  });
  if (queryShapesFile) recordQueryShapes(mongoose.connection.getClient(), queryShapesFile);
  logReachability(mongoose.connection.getClient());
  await syncAllIndexes();
  return mongoose;
}

/**
 * One log line when the database stops being selectable and one when it is back, with the driver's reason and
 * each failed heartbeat at debug: what an on-call engineer (or a failed outage test) reads to tell a database
 * that is down from a process that no longer reaches one that is up.
 */
function logReachability(client: ReturnType<typeof mongoose.connection.getClient>): void {
  const log = createLogger('mongodb');
  client.on('serverDescriptionChanged', ({ address, previousDescription, newDescription }) => {
    const wasUp = previousDescription.type !== 'Unknown';
    const isUp = newDescription.type !== 'Unknown';
    if (wasUp && !isUp) log.warn({ address, reason: newDescription.error?.message }, 'MongoDB unreachable');
    if (!wasUp && isUp) log.info({ address }, 'MongoDB reachable again');
  });
  client.on('serverHeartbeatFailed', ({ connectionId, failure, duration }) =>
    log.debug({ connectionId, reason: failure.message, duration }, 'MongoDB heartbeat failed'),
  );
}

async function syncAllIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createIndexes();
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

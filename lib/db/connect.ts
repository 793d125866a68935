import mongoose from 'mongoose';
import { createLogger } from '../logger';
import { onHungHeartbeat } from './hung-heartbeat';
import { recordQueryShapes } from './query-shape-recorder';

/**
 * Connects mongoose once and builds every model's indexes (FerretDB v1 and MongoDB alike).
 * With `queryShapesFile` (SCRM_QUERY_SHAPES_FILE, set by `npm test` for the integration and e2e runs and
 * inherited by the processes they start) every query shape sent is recorded there for the pushdown check.
 * `indexesFor` narrows the models whose indexes are built, by collection name: the test harness, which reuses a
 * database, builds them only for the collections it dropped (about 0.3 s of CPU per test file for the others).
 */
export async function connectDatabase(
  mongoUrl: string,
  queryShapesFile = process.env.SCRM_QUERY_SHAPES_FILE,
  indexesFor: (collectionName: string) => boolean = () => true,
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Indexes are built by syncIndexes below; autoIndex would race it on first start.
  mongoose.set('autoIndex', false);
  // Mongoose formats a stack trace at every query's exec, kept only to explain a "Query was already executed"
  // error; under source maps (tsx, jest) that maps every frame: 0.4 s of the 65 s of CPU a profile of five
  // integration test files showed in their jest workers.
  mongoose.set('skipOriginalStackTraces', true);
  disconnecting = false;
  await openClient(mongoUrl, queryShapesFile);
  await syncIndexes(indexesFor);
  return mongoose;
}

let unwatchHeartbeats: (() => void) | undefined;
/** Set by disconnectDatabase: a replacement under way then stops. */
let disconnecting = false;

function stopWatchingHeartbeats(): void {
  unwatchHeartbeats?.();
  unwatchHeartbeats = undefined;
}

async function openClient(mongoUrl: string, queryShapesFile: string | undefined): Promise<void> {
  await mongoose.connect(mongoUrl, {
    serverSelectionTimeoutMS: 10_000,
    // Also bounds how long a hung heartbeat goes unnoticed (hung-heartbeat.ts): 30 s instead of 70 s. The
    // driver lets these options override the URL's, so a MONGO_URL that sets its own keeps it.
    ...(urlSetsOption(mongoUrl, 'connectTimeoutMS') ? {} : { connectTimeoutMS: 10_000 }),
    monitorCommands: Boolean(queryShapesFile),
  });
  const client = mongoose.connection.getClient();
  if (queryShapesFile) recordQueryShapes(client, queryShapesFile);
  logReachability(client);
  unwatchHeartbeats = onHungHeartbeat(
    client,
    (address) => void replaceClient(mongoUrl, queryShapesFile, address),
  );
}

/** Whether the connection string sets an option (the driver reads their names in any case). */
function urlSetsOption(mongoUrl: string, option: string): boolean {
  const query = mongoUrl.split('?')[1] ?? '';
  return [...new URLSearchParams(query).keys()].some((key) => key.toLowerCase() === option.toLowerCase());
}

/**
 * A client whose server monitor hangs never finds the server again (hung-heartbeat.ts): it is closed and a new
 * one opened in its place, tried again every few seconds while the server is still out of reach. Queries in
 * flight on the old one, or sent while it is replaced, fail: their callers (an activity, a request) retry or
 * answer an error, as in any outage.
 */
async function replaceClient(mongoUrl: string, queryShapesFile: string | undefined, address: string) {
  const log = createLogger('mongodb');
  log.error({ address }, "MongoDB driver's server monitor hung: replacing the client");
  stopWatchingHeartbeats();
  while (!disconnecting) {
    try {
      await mongoose.connection.close();
      if (disconnecting) return;
      await openClient(mongoUrl, queryShapesFile);
      log.info({ address }, 'MongoDB client replaced');
      return;
    } catch (error) {
      log.warn({ address, err: error }, 'MongoDB client not replaced yet');
      await new Promise((resolve) => setTimeout(resolve, REPLACE_RETRY_MS));
    }
  }
}

const REPLACE_RETRY_MS = 5_000;

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

async function syncIndexes(of: (collectionName: string) => boolean): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    if (of(model.collection.collectionName)) await model.createIndexes();
  }
}

export async function disconnectDatabase(): Promise<void> {
  disconnecting = true;
  stopWatchingHeartbeats();
  await mongoose.disconnect();
}

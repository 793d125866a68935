import mongoose from 'mongoose';
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
  await mongoose.connect(mongoUrl, {
    serverSelectionTimeoutMS: 10_000,
    monitorCommands: Boolean(queryShapesFile),
  });
  if (queryShapesFile) recordQueryShapes(mongoose.connection.getClient(), queryShapesFile);
  await syncAllIndexes();
  return mongoose;
}

async function syncAllIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createIndexes();
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

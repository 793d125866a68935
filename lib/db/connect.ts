import mongoose from 'mongoose';

/** Connects mongoose once and builds every model's indexes (FerretDB v1 and MongoDB alike). */
export async function connectDatabase(mongoUrl: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Indexes are built by syncAllIndexes below; autoIndex would race it on first start.
  mongoose.set('autoIndex', false);
  await mongoose.connect(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
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

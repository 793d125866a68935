import { customerSearchOn, type CustomerSearch } from '../../lib/search/customer-search-context';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import type { Client as TemporalClient } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { createApp } from '../../api/app';
import { WeComCallStats } from '../../lib/wecom/call-stats';
import { loadConfig, type AppConfig } from '../../lib/config';
import { connectDatabase, disconnectDatabase } from '../../lib/db/connect';
import { createLogger } from '../../lib/logger';
import { connectTemporalClient } from '../../lib/temporal/connect-client';
import type { ListSearch } from '../../lib/search/list-read-model';
import { createWorker } from '../../worker/create-worker';
import { isolatedMongoUrl } from './stack-env';

export interface TestApp {
  config: AppConfig;
  baseUrl: string;
  temporal: TemporalClient;
  /** The customer index as the api reaches it: for tests that seed customers straight into MongoDB. */
  customerSearch: CustomerSearch;
  /** The 客户群 / 敏感行为审核 read models as the api reaches them: for tests that write rows as a writer does. */
  listSearch: ListSearch;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One database per jest process (its worker and its group of files run one file after another): each file drops
 * the collections the files before it wrote to, and finds the others, with their indexes, as they were. Dropping
 * the database and creating some 50 collections with their indexes again cost each file about a second and the
 * store's CPU. Dropped, not emptied: a table FerretDB emptied by DELETE reuses its space, and rows then come back
 * in another order than they were written in, which a test reading rows in their natural order would trip on.
 */
const REUSED_DATABASE = `jest${process.env.JEST_WORKER_ID ?? ''}_${process.env.SCRM_TEST_GROUP ?? 'all'}`;

/**
 * The collections that hold documents dropped (connectDatabase creates them again with their indexes); answers
 * those that are left, empty, with their indexes.
 */
async function dropWrittenCollections(mongoUrl: string): Promise<Set<string>> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  const kept = new Set<string>();
  try {
    const db = connection.db!;
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    // One at a time: FerretDB keeps every collection of a database in one metadata table.
    for (const { name } of collections) {
      const collection = db.collection(name);
      if (await collection.findOne({}, { projection: { _id: 1 } })) await collection.drop();
      else kept.add(name);
    }
  } finally {
    await connection.close();
  }
  return kept;
}

/**
 * The real api on a free port, against the real servers of `npm test`, with the collections that earlier files
 * of its jest process wrote to dropped and a Temporal task queue of the suite's own, so suites never see each
 * other's data or workflows.
 */
export async function startTestApp(suite: string, env: Record<string, string> = {}): Promise<TestApp> {
  // Listening first gives the api its own address as PUBLIC_URL: callback URLs, the setup doctor's probe
  // and 扫码登录's redirect_uri then point at this server.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    MONGO_URL: isolatedMongoUrl(REUSED_DATABASE),
    TEMPORAL_TASK_QUEUE: `test-${suite}-${Date.now()}`,
    PUBLIC_URL: baseUrl,
    ...env,
  });
  // `env` may set SCRM_QUERY_SHAPES_FILE to '' to keep a suite's queries out of the pushdown check.
  const queryShapesFile = env.SCRM_QUERY_SHAPES_FILE ?? process.env.SCRM_QUERY_SHAPES_FILE;
  const kept = await dropWrittenCollections(config.mongoUrl);
  await connectDatabase(config.mongoUrl, queryShapesFile, (collection) => !kept.has(collection));

  const temporal = await connectTemporalClient(config.temporalAddress, config.temporalNamespace);
  const elasticsearch = new ElasticsearchClient({ node: config.esUrl });
  const log = createLogger('api-test', 'warn');
  const wecomStats = new WeComCallStats(log);
  wecomStats.start();
  const app = createApp({ config, log, temporal, elasticsearch, wecomStats });
  server.on('request', app);
  const customerSearch = customerSearchOn({
    es: elasticsearch,
    indexPrefix: config.esIndexPrefix,
    temporal,
    taskQueue: config.temporalTaskQueue,
  });

  let running: { worker: Worker; close: () => Promise<void>; done: Promise<void> } | undefined;
  // A worker that failed on its own (its run() rejected) still has its connections and its call-count timer
  // to close: they are closed whatever run() ended with, so nothing of it outlives the test file.
  const stopWorker = async () => {
    if (!running) return;
    const { worker, close, done } = running;
    running = undefined;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    try {
      await done;
    } finally {
      await close();
    }
  };

  return {
    config,
    baseUrl,
    temporal,
    customerSearch,
    listSearch: {
      es: elasticsearch,
      indexPrefix: config.esIndexPrefix,
      temporal,
      taskQueue: config.temporalTaskQueue,
    },
    async startWorker() {
      if (running) return;
      const { worker, close } = await createWorker(config);
      running = { worker, close, done: worker.run() };
    },
    stopWorker,
    async stop() {
      try {
        await stopWorker();
      } finally {
        await new Promise((resolve) => server.close(resolve));
        // The last call counts are written before MongoDB goes.
        await wecomStats.stop();
        await temporal.connection.close();
        await elasticsearch.close();
        await disconnectDatabase();
      }
    },
  };
}

/** Polls until `check` returns a value, or fails with what it saw last. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms; last: ${last instanceof Error ? last.message : String(last)}`,
  );
}

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { ferretdbService, postgresService } from '../../scripts/stack/infra-services';
import { Supervisor, type RunningService } from '../../scripts/stack/processes';
import { profile, type Profile } from '../../scripts/stack/profiles';
import { prepareFerretdbDatabase, preparePostgresData } from '../../scripts/stack/provision-postgres';

/**
 * The embedded store as `npm start` runs it (durable PostgreSQL settings, FerretDB on top), on ports and data of
 * its own, killed with SIGKILL in the middle of writes: every write it acknowledged must be there afterwards.
 */
const POSTGRES_HOME = process.env.STORE_POSTGRES_HOME;
const FERRETDB_BIN = process.env.STORE_FERRETDB_BIN;
const WRITERS = 4;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writers inserting numbered documents and incrementing a counter each, recording what was acknowledged. One
 * counter per writer: FerretDB v1 applies `$inc` as read-modify-write, so concurrent writers of one document lose
 * updates even without a crash (lib/models/group-code-scan.model.ts).
 */
function startWriters(collection: mongoose.mongo.Collection, round: string) {
  const acknowledged: string[] = [];
  const counters = Array.from({ length: WRITERS }, (_, writer) => ({
    id: `counter-${round}-${writer}`,
    acknowledged: 0,
    tried: 0,
  }));
  let stopped = false;
  const loops = counters.map(async (counter, writer) => {
    for (let n = 0; !stopped; n++) {
      const id = `${round}-${writer}-${n}`;
      try {
        await collection.insertOne({ _id: id as never, round, writer, n });
        acknowledged.push(id);
      } catch {
        await sleep(20); // the store is down: keep trying, as an app would
      }
      counter.tried++;
      try {
        await collection.updateOne({ _id: counter.id as never }, { $inc: { value: 1 } }, { upsert: true });
        counter.acknowledged++;
      } catch {
        // not acknowledged: may or may not have happened
      }
    }
  });
  return {
    acknowledged,
    counters,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

const describeWithStore = POSTGRES_HOME && FERRETDB_BIN ? describe : describe.skip;

describeWithStore('the embedded store killed during writes (kill -9)', () => {
  let store: Profile;
  let supervisor: Supervisor;
  let postgres: RunningService;
  let ferretdb: RunningService;
  let client: mongoose.mongo.MongoClient;
  let collection: mongoose.mongo.Collection;
  const acknowledgedIds: string[] = [];
  const counters: ReturnType<typeof startWriters>['counters'] = [];

  const postgresSpec = () =>
    postgresService(store, { home: POSTGRES_HOME! }, path.join(store.dataDir, 'postgres'), runAs);
  let runAs: Awaited<ReturnType<typeof preparePostgresData>>['runAs'];

  beforeAll(async () => {
    const base = profile('test');
    const dir = path.join(base.dataDir, 'durability');
    fs.rmSync(dir, { recursive: true, force: true });
    store = {
      ...base,
      // the durable settings of `npm start`, not the tests' scratch store
      durableStore: true,
      ports: { ...base.ports, postgres: await freePort(), mongo: await freePort() },
      dir,
      dataDir: path.join(dir, 'data'),
      logDir: path.join(dir, 'logs'),
      pidDir: path.join(dir, 'pids'),
    };
    for (const d of [store.dataDir, store.logDir, store.pidDir]) fs.mkdirSync(d, { recursive: true });
    supervisor = new Supervisor(store);
    ({ runAs } = await preparePostgresData(
      store,
      { home: POSTGRES_HOME! },
      path.join(store.logDir, 'init.log'),
    ));
    postgres = await supervisor.start(postgresSpec());
    await prepareFerretdbDatabase(store.ports.postgres);
    ferretdb = await supervisor.start(ferretdbService(store, FERRETDB_BIN!));
    client = await mongoose.mongo.MongoClient.connect(`mongodb://127.0.0.1:${store.ports.mongo}/durability`, {
      serverSelectionTimeoutMS: 2000,
      socketTimeoutMS: 5000,
    });
    collection = client.db('durability').collection('writes');
    await collection.createIndex({ round: 1, writer: 1 });
  }, 120_000);

  afterAll(async () => {
    await client?.close(true);
    await supervisor?.stopAll();
  }, 60_000);

  async function killDuringWrites(victim: () => RunningService, restart: () => Promise<void>, round: string) {
    const writers = startWriters(collection, round);
    await sleep(1500);
    process.kill(-victim().child.pid!, 'SIGKILL');
    await victim().exited;
    await sleep(500); // writes keep failing for a moment
    await restart();
    await sleep(1000); // and succeed again
    await writers.stop();
    acknowledgedIds.push(...writers.acknowledged);
    counters.push(...writers.counters);
    return writers.acknowledged.length;
  }

  async function expectEveryAcknowledgedWrite(): Promise<void> {
    const stored = new Map(
      (await collection.find({}).toArray()).map((d) => [String(d._id), d.value as number | undefined]),
    );
    expect(acknowledgedIds.filter((id) => !stored.has(id))).toEqual([]);
    for (const counter of counters) {
      expect(stored.get(counter.id) ?? 0).toBeGreaterThanOrEqual(counter.acknowledged);
      expect(stored.get(counter.id) ?? 0).toBeLessThanOrEqual(counter.tried);
    }
  }

  it('keeps every acknowledged write when PostgreSQL is killed', async () => {
    const acknowledged = await killDuringWrites(
      () => postgres,
      async () => {
        postgres = await supervisor.start(postgresSpec());
      },
      'postgres',
    );
    expect(acknowledged).toBeGreaterThan(0);
    await expectEveryAcknowledgedWrite();
  }, 120_000);

  it('keeps every acknowledged write when FerretDB is killed', async () => {
    const acknowledged = await killDuringWrites(
      () => ferretdb,
      async () => {
        ferretdb = await supervisor.start(ferretdbService(store, FERRETDB_BIN!));
      },
      'ferretdb',
    );
    expect(acknowledged).toBeGreaterThan(0);
    await expectEveryAcknowledgedWrite();
  }, 120_000);
});

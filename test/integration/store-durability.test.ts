import mongoose from 'mongoose';
import { killableServers, killableServersAvailable, type KillableServer } from '../support/killable-servers';

/**
 * The embedded store as `npm start` runs it (durable PostgreSQL settings, FerretDB on top), on ports and data of
 * its own, killed with SIGKILL in the middle of writes: every write it acknowledged must be there afterwards.
 */
const WRITERS = 4;

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

const describeWithStore = killableServersAvailable.store ? describe : describe.skip;

describeWithStore('the embedded store killed during writes (kill -9)', () => {
  let servers: ReturnType<typeof killableServers>;
  let store: Awaited<ReturnType<ReturnType<typeof killableServers>['store']>>;
  let client: mongoose.mongo.MongoClient;
  let collection: mongoose.mongo.Collection;
  const acknowledgedIds: string[] = [];
  const counters: ReturnType<typeof startWriters>['counters'] = [];

  beforeAll(async () => {
    servers = killableServers('durability');
    // the durable settings of `npm start`, not the tests' scratch store
    store = await servers.store({ durable: true });
    client = await mongoose.mongo.MongoClient.connect(`${store.mongoUrl}/durability`, {
      serverSelectionTimeoutMS: 2000,
      socketTimeoutMS: 5000,
    });
    collection = client.db('durability').collection('writes');
    await collection.createIndex({ round: 1, writer: 1 });
  }, 120_000);

  afterAll(async () => {
    await client?.close(true);
    await servers?.stopAll();
  }, 60_000);

  async function killDuringWrites(victim: KillableServer, round: string) {
    const writers = startWriters(collection, round);
    await sleep(1500);
    await victim.kill();
    await sleep(500); // writes keep failing for a moment
    await victim.start();
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
    const acknowledged = await killDuringWrites(store.postgres, 'postgres');
    expect(acknowledged).toBeGreaterThan(0);
    await expectEveryAcknowledgedWrite();
  }, 120_000);

  it('keeps every acknowledged write when FerretDB is killed', async () => {
    const acknowledged = await killDuringWrites(store.ferretdb, 'ferretdb');
    expect(acknowledged).toBeGreaterThan(0);
    await expectEveryAcknowledgedWrite();
  }, 120_000);
});

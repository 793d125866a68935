/**
 * The embedded store's key lookups (issue 11): FerretDB v1 on PostgreSQL with the GIN indexes of
 * scripts/stack/ferretdb-gin-indexes.ts, next to FerretDB's own btree indexes alone (what it does without them)
 * and to the same lookup in plain SQL on the GIN-indexed table (the ceiling: PostgreSQL without FerretDB).
 *
 * Two collections get the same customer-shaped documents and the same MongoDB indexes; the baseline's GIN indexes
 * are dropped behind the event trigger's back (session_replication_role = replica silences event triggers).
 * Sizes grow in place. Per size: load rate of each collection (unordered insertMany of 10,000), then p50 / p95 of
 * each key-shaped query.
 *
 *   BENCH_STORE_DOCS=200000,1000000  BENCH_RUNS=20  BENCH_BASELINE_RUNS=5   (defaults)
 * Needs STORE_POSTGRES_URL (set by `npm run bench` when the store is the embedded one).
 */
import mongoose from 'mongoose';
import { Client as PgClient } from 'pg';
import { percentile } from './support/percentile';

const { MongoClient, ObjectId } = mongoose.mongo;
type Collection = mongoose.mongo.Collection;
type Document = mongoose.mongo.Document;

const SIZES = (process.env.BENCH_STORE_DOCS ?? '200000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 5);
const TENANTS = 10;
const STAFF = 200;
const TAGS = 50;
const BATCH = 10_000;
const DATABASE = 'scrm_bench_store';

/** Deterministic customer-shaped document number i. */
function customer(i: number): Document {
  const tenant = i % TENANTS;
  return {
    _id: new ObjectId(i.toString(16).padStart(24, '0')),
    tenantId: `tenant-${tenant}`,
    externalUserid: `wm${i}`,
    name: `客户${i}`,
    phones: [`138${String(i).padStart(8, '0')}`],
    followUserIds: [`staff-${i % STAFF}`, `staff-${(i * 7 + 3) % STAFF}`],
    tagIds: [`tag-${i % TAGS}`, `tag-${(i * 13 + 5) % TAGS}`],
    active: true,
    firstAddedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000),
    remark: '',
    profile: { corpName: `企业${i % 1000}`, source: 'qr' },
  };
}

const INDEXES: { key: Document; unique?: boolean }[] = [
  { key: { tenantId: 1, externalUserid: 1 }, unique: true },
  { key: { tenantId: 1, phones: 1 } },
  { key: { tenantId: 1, followUserIds: 1, firstAddedAt: -1, _id: -1 } },
  { key: { tenantId: 1, tagIds: 1, firstAddedAt: -1, _id: -1 } },
];

async function timeRuns(runs: number, once: (run: number) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    await once(run);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const ms = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en'));
  return `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`;
}

/** FerretDB's table for a collection, from its metadata table in the database's schema. */
async function tableOf(pg: PgClient, collection: string): Promise<string> {
  const { rows } = await pg.query<{ table: string }>(
    `SELECT _jsonb->>'table' AS table FROM ${DATABASE}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
    [collection],
  );
  if (!rows[0]) throw new Error(`no FerretDB table for ${collection}`);
  return `${DATABASE}."${rows[0].table}"`;
}

async function dropGinIndexes(pg: PgClient, table: string): Promise<number> {
  const { rows } = await pg.query<{ name: string }>(
    `SELECT ic.relname AS name FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_am am ON am.oid = ic.relam WHERE i.indrelid = $1::regclass AND am.amname = 'gin'`,
    [table],
  );
  await pg.query('SET session_replication_role = replica');
  for (const { name } of rows) await pg.query(`DROP INDEX ${DATABASE}."${name}"`);
  await pg.query('SET session_replication_role = DEFAULT');
  return rows.length;
}

async function load(collection: Collection, from: number, to: number): Promise<number> {
  const began = performance.now();
  for (let start = from; start < to; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, to - start) }, (_, k) => customer(start + k));
    await collection.insertMany(docs, { ordered: false });
  }
  return (to - from) / ((performance.now() - began) / 1000);
}

async function main(): Promise<void> {
  const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test';
  const pgUrl = process.env.STORE_POSTGRES_URL;
  if (!pgUrl) {
    console.log('STORE_POSTGRES_URL is not set (MONGO_URL points at another database): nothing to compare');
    return;
  }
  const mongo = await MongoClient.connect(mongoUrl);
  const db = mongo.db(DATABASE);
  await db.dropDatabase();
  const pg = new PgClient({ connectionString: pgUrl });
  await pg.connect();

  const ours = db.collection('customers_gin');
  const baseline = db.collection('customers_btree');
  for (const c of [ours, baseline]) {
    for (const { key, unique } of INDEXES) await c.createIndex(key, { unique: unique ?? false });
  }
  const oursTable = await tableOf(pg, 'customers_gin');
  const baselineTable = await tableOf(pg, 'customers_btree');
  const dropped = await dropGinIndexes(pg, baselineTable);
  console.log(
    `indexes: ${INDEXES.length} MongoDB indexes + _id on each; GIN indexes: ours ${
      (
        await pg.query(
          `SELECT count(*)::int AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = $1::regclass AND am.amname = 'gin'`,
          [oursTable],
        )
      ).rows[0].n
    }, baseline 0 (${dropped} dropped)`,
  );

  let loaded = 0;
  for (const size of SIZES) {
    console.log(
      `\n— ${size.toLocaleString('en')} documents (${TENANTS} tenants, ${STAFF} staff, ${TAGS} tags)`,
    );
    const oursRate = await load(ours, loaded, size);
    const baselineRate = await load(baseline, loaded, size);
    loaded = size;
    await pg.query(`ANALYZE ${oursTable}`);
    await pg.query(`ANALYZE ${baselineTable}`);
    console.log(
      `insertMany docs/s: with GIN ${Math.round(oursRate).toLocaleString('en')}, btree only ${Math.round(baselineRate).toLocaleString('en')}`,
    );

    const pick = (run: number) => (run * 7919 + 17) % size;
    const tenantOf = (i: number) => `tenant-${i % TENANTS}`;
    const queries: {
      name: string;
      mongo: (c: Collection, run: number) => Promise<unknown>;
      sql: (table: string, run: number) => Promise<unknown>;
    }[] = [
      {
        name: 'findOne by _id',
        mongo: (c, run) => c.findOne({ _id: customer(pick(run))._id }),
        sql: (t, run) =>
          pg.query(`SELECT _jsonb FROM ${t} WHERE _jsonb->'_id' @> $1::jsonb`, [
            JSON.stringify(customer(pick(run))._id.toHexString()),
          ]),
      },
      {
        name: 'findOne by {tenantId, phones}',
        mongo: (c, run) => {
          const i = pick(run);
          return c.findOne({ tenantId: tenantOf(i), phones: customer(i).phones[0] });
        },
        sql: (t, run) => {
          const i = pick(run);
          return pg.query(
            `SELECT _jsonb FROM ${t} WHERE _jsonb->'tenantId' @> $1::jsonb AND _jsonb->'phones' @> $2::jsonb`,
            [JSON.stringify(tenantOf(i)), JSON.stringify(customer(i).phones[0])],
          );
        },
      },
      {
        name: 'updateOne by {tenantId, externalUserid}',
        mongo: (c, run) => {
          const i = pick(run);
          return c.updateOne(
            { tenantId: tenantOf(i), externalUserid: `wm${i}` },
            { $set: { remark: `r${run}` } },
          );
        },
        sql: (t, run) => {
          const i = pick(run);
          return pg.query(
            `UPDATE ${t} SET _jsonb = jsonb_set(_jsonb, '{remark}', $3::jsonb)
             WHERE _jsonb->'tenantId' @> $1::jsonb AND _jsonb->'externalUserid' @> $2::jsonb`,
            [JSON.stringify(tenantOf(i)), JSON.stringify(`wm${i}`), JSON.stringify(`r${run}`)],
          );
        },
      },
      {
        name: `count by {tenantId, followUserIds} (~${Math.round((size / TENANTS / STAFF) * 2).toLocaleString('en')} hits)`,
        mongo: (c, run) =>
          c.countDocuments({ tenantId: 'tenant-3', followUserIds: `staff-${(run * 10 + 3) % STAFF}` }),
        sql: (t, run) =>
          pg.query(
            `SELECT count(*) FROM ${t} WHERE _jsonb->'tenantId' @> $1::jsonb AND _jsonb->'followUserIds' @> $2::jsonb`,
            [JSON.stringify('tenant-3'), JSON.stringify(`staff-${(run * 10 + 3) % STAFF}`)],
          ),
      },
    ];

    const rows: string[][] = [];
    for (const q of queries) {
      const withGin = await timeRuns(RUNS, (run) => q.mongo(ours, run));
      const btreeOnly = await timeRuns(BASELINE_RUNS, (run) => q.mongo(baseline, run));
      const rawSql = await timeRuns(RUNS, (run) => q.sql(oursTable, run));
      rows.push([q.name, btreeOnly, withGin, rawSql]);
    }
    const header = [
      'query (p50 / p95 ms)',
      'FerretDB btree only',
      'FerretDB + GIN (ours)',
      'plain SQL + GIN',
    ];
    const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
    for (const row of [header, ...rows])
      console.log(row.map((cell, col) => cell.padEnd(widths[col])).join(' | '));
  }

  await db.dropDatabase();
  await pg.end();
  await mongo.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

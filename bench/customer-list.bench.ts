/**
 * 客户列表 latency (issue 4) at 100k and 1M customers: loads customers into a bench database and the customer
 * search index (bulk inserts into MongoDB, bulk indexing into Elasticsearch through the product's own
 * projection), then times the list's real code path — listCustomers: the search, the page's rows by _id, the
 * capped count, one batched name lookup — for the shapes people use. Prints load time and p50/p95 per query.
 * The sizes grow in place: 100k are loaded and timed, then 900k more are added and the same queries timed.
 *
 *   BENCH_CUSTOMERS=100000,1000000   sizes to reach, in order (default); a smaller list for a quick run
 *   BENCH_RUNS=20                    timed runs per query (after 2 warm-ups)
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import mongoose from 'mongoose';
import type { Caller } from '../api/auth/caller';
import { listCustomers } from '../api/modules/customers/customer-list.use-case';
import type { StaffScope } from '../lib/access/data-scope';
import { customerListQuerySchema } from '../lib/contracts/customer.contract';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { CustomerModel } from '../lib/models/customer.model';
import { StaffModel } from '../lib/models/staff.model';
import { customerReadModel } from '../lib/search/customer-index';
import { customerSearchOn, type CustomerSearch } from '../lib/search/customer-search-context';
import { indexListSources } from '../lib/search/list-read-model';
import { pointAliasAtCurrentIndex } from '../lib/search/versioned-index';
import { connectTemporalClient } from '../lib/temporal/connect-client';
import { customerDocument } from './support/customer-corpus';
import { percentile } from './support/percentile';

const TENANT = 'bench';
const STAFF = 200;
const TAGS = 40;
const BATCH = 10_000;
const ES_BULK = 5_000;
const SIZES = (process.env.BENCH_CUSTOMERS ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CORPUS = { tenantId: TENANT, staff: STAFF, tags: TAGS };
/** Set once the index exists; every timed call searches through it. */
let search: CustomerSearch;

/** A deterministic pseudo-random sequence, so every run loads the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Adds customers [from, to): each batch goes to MongoDB and to the index at the same time. */
async function load(from: number, to: number): Promise<void> {
  const began = Date.now();
  const next = random(42 + from);
  let mongoMs = 0;
  let esMs = 0;
  for (let start = from; start < to; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, to - start) }, (_, i) =>
      customerDocument(CORPUS, start + i, next),
    );
    const timed = async (work: () => Promise<unknown>) => {
      const at = Date.now();
      await work();
      return Date.now() - at;
    };
    const [mongoTook, esTook] = await Promise.all([
      // The driver's collection: no mongoose hooks, so the index is filled in bulk below, not per write.
      timed(() => CustomerModel.collection.insertMany(batch, { ordered: false })),
      timed(async () => {
        for (let at = 0; at < batch.length; at += ES_BULK) {
          await indexListSources(search, customerReadModel, batch.slice(at, at + ES_BULK));
        }
      }),
    ]);
    mongoMs += mongoTook;
    esMs += esTook;
    const done = start + batch.length;
    if ((done - from) % 100_000 === 0 || done === to) {
      console.log(
        `  loaded ${done.toLocaleString('en')} (${((Date.now() - began) / 1000).toFixed(0)} s; ` +
          `MongoDB busy ${(mongoMs / 1000).toFixed(0)} s, Elasticsearch busy ${(esMs / 1000).toFixed(0)} s)`,
      );
    }
  }
}

async function time(label: string, query: Record<string, unknown>, scope: StaffScope): Promise<void> {
  const parsed = customerListQuerySchema.parse(query);
  // The list's caller with this 数据权限; nothing else of the caller is read.
  const caller: Caller = {
    tenantId: TENANT,
    staffId: '',
    userid: '',
    isSuperAdmin: scope.all,
    permissions: new Set(),
    scope: async () => scope,
  };
  let total = '';
  for (let i = 0; i < 2; i += 1) {
    const page = await listCustomers(caller, parsed, { customerSearch: search });
    total = `${page.total}${page.totalCapped ? '+' : ''}`;
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    await listCustomers(caller, parsed, { customerSearch: search });
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => percentile(samples, q * 100).toFixed(1);
  console.log(
    `  ${label.padEnd(44)} p50 ${at(0.5).padStart(8)} ms   p95 ${at(0.95).padStart(8)} ms   (total ${total})`,
  );
}

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_customers';
  await connectDatabase(url.toString());
  const es = new ElasticsearchClient({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9210',
    requestTimeout: 120_000,
  });
  const temporal = await connectTemporalClient(process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7243', 'default');
  search = customerSearchOn({ es, indexPrefix: 'bench-', temporal, taskQueue: 'bench-unpolled' });
  const { names } = search;

  // A clean slate from an earlier, interrupted run; then the indexes the product creates.
  await mongoose.connection.dropDatabase();
  for (const model of [CustomerModel, StaffModel, CorpTagGroupModel]) await model.createIndexes();
  await es.indices.delete({ index: names.index }, { ignore: [404] });
  // Created here, so no refill workflow is started: the loader fills it.
  await pointAliasAtCurrentIndex(es, names, customerReadModel);

  await StaffModel.insertMany(
    Array.from({ length: STAFF }, (_, i) => ({ tenantId: TENANT, userid: `staff-${i}`, name: `员工${i}` })),
  );
  await CorpTagGroupModel.create({
    tenantId: TENANT,
    groupId: 'group-1',
    name: '客户等级',
    tags: Array.from({ length: TAGS }, (_, i) => ({ tagId: `tag-${i}`, name: `标签${i}` })),
  });
  // 本部门及以下 of a 10-person department: the scope is a list of userids.
  const departmentScope: StaffScope = {
    all: false,
    userids: Array.from({ length: 10 }, (_, i) => `staff-${i}`),
  };

  let loaded = 0;
  for (const size of SIZES) {
    console.log(`customers: ${size.toLocaleString('en')}`);
    const began = Date.now();
    // Bulk loading: no refresh until the end (the default is every second).
    await es.indices.putSettings({ index: names.index, settings: { refresh_interval: '-1' } });
    await load(loaded, size);
    await es.indices.putSettings({ index: names.index, settings: { refresh_interval: '1s' } });
    await es.indices.refresh({ index: names.index });
    const loadMs = Date.now() - began;
    console.log(
      `  load ${(loadMs / 1000).toFixed(1)} s for ${(size - loaded).toLocaleString('en')} ` +
        `(${Math.round((size - loaded) / (loadMs / 1000))} docs/s; batches of ${BATCH}, ES bulks of ${ES_BULK})`,
    );
    loaded = size;

    await time('default page (20, newest first)', {}, { all: true });
    await time('search 客户姓名/手机号 "王伟" (Chinese)', { keyword: '王伟' }, { all: true });
    await time('search 客户姓名/手机号 "0004217" (digits)', { keyword: '0004217' }, { all: true });
    await time('search 企业 "acme"', { corpName: 'acme' }, { all: true });
    await time('tag filter (任意 of 2 tags)', { tagIds: 'tag-3,tag-7' }, { all: true });
    await time('data scope (10 staff)', {}, departmentScope);
    await time(
      'combined (scope + 2 tags all + "王" + 2024 H1)',
      {
        keyword: '王',
        tagIds: 'tag-3,tag-7',
        tagMatch: 'all',
        addedFrom: '2024-01-01',
        addedTo: '2024-06-30',
      },
      departmentScope,
    );
    await time('deep page (page 500 of 20)', { page: 500 }, { all: true });
  }
  await es.indices.delete({ index: names.index }, { ignore: [404] });
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
  await es.close();
  await temporal.connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

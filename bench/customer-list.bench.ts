/**
 * 客户列表 latency (issue 4): loads N customers into a bench database with bulk inserts, then times the list's
 * real code path (listCustomers: page + capped count + one batched name lookup) for the default page, a
 * keyword search, a tag filter and a 本部门及以下-style data scope. Prints load time and p50/p95 per query.
 *
 *   BENCH_CUSTOMERS=100000,1000000   sizes to run (default); a smaller list for a quick run
 *   BENCH_RUNS=20                    timed runs per query (after 2 warm-ups)
 */
import mongoose from 'mongoose';
import { listCustomers } from '../api/modules/customers/customer-list.use-case';
import type { StaffScope } from '../lib/access/data-scope';
import { customerListQuerySchema } from '../lib/contracts/customer.contract';
import { deriveCustomerFields } from '../lib/customers/customer-derived';
import { connectDatabase, disconnectDatabase } from '../lib/db/connect';
import { CorpTagGroupModel } from '../lib/models/corp-tag.model';
import { CustomerModel } from '../lib/models/customer.model';
import { StaffModel } from '../lib/models/staff.model';

const TENANT = 'bench';
const STAFF = 200;
const TAGS = 40;
const INSERT_BATCH = 5_000;
const SIZES = (process.env.BENCH_CUSTOMERS ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

/** A deterministic pseudo-random sequence, so every run loads the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function customerDocument(index: number, next: () => number) {
  const adders = 1 + Math.floor(next() * 3);
  const base = Date.UTC(2024, 0, 1) + index * 60_000;
  const follows = Array.from({ length: adders }, (_, k) => ({
    userid: `staff-${Math.floor(next() * STAFF)}`,
    remark: '',
    description: '',
    addedAt: new Date(base + k * 3_600_000),
    tagIds: Array.from({ length: Math.floor(next() * 3) }, () => `tag-${Math.floor(next() * TAGS)}`),
    remarkCorpName: '',
    remarkMobiles: next() < 0.5 ? [`139${String(index).padStart(8, '0')}`] : [],
    addWay: 1,
    operUserid: '',
    state: '',
  }));
  const type = next() < 0.2 ? 2 : 1;
  const name = `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(next() * GIVEN.length)]}${index}`;
  return {
    tenantId: TENANT,
    externalUserid: `wm${String(index).padStart(10, '0')}`,
    name,
    avatar: '',
    type,
    gender: 0,
    corpName: type === 2 ? '沃丰' : '',
    corpFullName: type === 2 ? '北京沃丰时代数据科技有限公司' : '',
    position: '',
    follows,
    profile: {},
    ...deriveCustomerFields(follows),
    lastContactAt: next() < 0.3 ? new Date(base + 86_400_000) : undefined,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

async function load(size: number): Promise<number> {
  const began = Date.now();
  await CustomerModel.collection.deleteMany({});
  const next = random(42);
  for (let start = 0; start < size; start += INSERT_BATCH) {
    const batch = Array.from({ length: Math.min(INSERT_BATCH, size - start) }, (_, i) =>
      customerDocument(start + i, next),
    );
    await CustomerModel.collection.insertMany(batch, { ordered: false });
    if ((start / INSERT_BATCH) % 20 === 19) {
      process.stdout.write(
        `  loaded ${start + batch.length} (${((Date.now() - began) / 1000).toFixed(0)} s)\n`,
      );
    }
  }
  return Date.now() - began;
}

async function time(label: string, query: Record<string, unknown>, scope: StaffScope): Promise<void> {
  const parsed = customerListQuerySchema.parse(query);
  let total = 0;
  for (let i = 0; i < 2; i += 1) total = (await listCustomers(TENANT, parsed, scope)).total;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const began = performance.now();
    await listCustomers(TENANT, parsed, scope);
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  console.log(
    `  ${label.padEnd(34)} p50 ${at(0.5).padStart(8)} ms   p95 ${at(0.95).padStart(8)} ms   (total ${total})`,
  );
}

async function main(): Promise<void> {
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27117/scrm_test');
  url.pathname = '/scrm_bench_customers';
  await connectDatabase(url.toString());
  // A clean slate from an earlier, interrupted run; then the indexes the list relies on.
  await mongoose.connection.dropDatabase();
  for (const model of [CustomerModel, StaffModel, CorpTagGroupModel]) await model.createIndexes();
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

  for (const size of SIZES) {
    console.log(`customers: ${size.toLocaleString('en')}`);
    const loadMs = await load(size);
    console.log(
      `  load ${(loadMs / 1000).toFixed(1)} s (${Math.round(size / (loadMs / 1000))} docs/s, bulk inserts of ${INSERT_BATCH})`,
    );
    await time('default page (20, newest first)', {}, { all: true });
    await time('search 客户姓名/手机号 "王伟"', { keyword: '王伟' }, { all: true });
    await time('tag filter (任意 of 2 tags)', { tagIds: 'tag-3,tag-7' }, { all: true });
    await time('data scope (10 staff)', {}, departmentScope);
  }
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
